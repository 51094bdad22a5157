#!/usr/bin/env python3
"""Derives the compact content-model tables of the structural schema checks.

Reads the UBL 2.1 and CII D16B schemas from a schema directory laid out like
the corpus folder's xsd/ (never shipped with the product) and writes
schema_tables_ubl.inc and schema_tables_cii.inc: for every complex type reachable
from the document elements, its element children in order with their
cardinalities and types, or its simple content (a built-in base type) with its
attributes and which of them are required. Only the facts the structural
validator checks are kept; documentation, code lists and facets are dropped
(the CII unit-code length facet is kept as a token length limit).

Usage: generate_schema_tables.py SCHEMA_DIR OUT_DIR
"""
import os
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
PREFIX = {
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "ubl",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "cn",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "cbc",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "ext",
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100": "rsm",
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100": "ram",
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100": "udt",
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100": "qdt",
    "http://www.w3.org/2000/09/xmldsig#": "ds",
}


class Schemas:
    def __init__(self):
        self.elements = {}  # (ns, name) -> xs:element node (global)
        self.types = {}  # (ns, name) -> (node, target ns, nsmap)
        self.loaded = set()

    def load(self, path):
        path = os.path.normpath(path)
        if path in self.loaded:
            return
        self.loaded.add(path)
        nsmap = {}
        for _, (prefix, uri) in ET.iterparse(path, events=["start-ns"]):
            nsmap.setdefault(prefix, uri)
        root = ET.parse(path).getroot()
        tns = root.get("targetNamespace", "")
        for child in root:
            name = child.get("name")
            if child.tag == XS + "element":
                self.elements[(tns, name)] = (child, tns, nsmap)
            elif child.tag in (XS + "complexType", XS + "simpleType"):
                self.types[(tns, name)] = (child, tns, nsmap)
            elif child.tag in (XS + "import", XS + "include"):
                loc = child.get("schemaLocation")
                if loc:
                    self.load(os.path.join(os.path.dirname(path), loc))


def qname(value, nsmap):
    if ":" in value:
        prefix, local = value.split(":", 1)
    else:
        prefix, local = "", value
    return (nsmap.get(prefix, ""), local)


def type_id(q):
    ns, local = q
    if ns == "http://www.w3.org/2001/XMLSchema":
        return "xs:" + local
    return PREFIX.get(ns, "?") + ":" + local


class Generator:
    def __init__(self, schemas):
        self.s = schemas
        self.out_types = {}  # id -> dict
        self.anon = 0

    def builtin_base(self, q, attrs, facets):
        """Follows simple types and simple content to a built-in type."""
        ns, local = q
        if ns == "http://www.w3.org/2001/XMLSchema":
            return local
        node, tns, nsmap = self.s.types[q]
        return self.simple_of(node, nsmap, attrs, facets)

    def simple_of(self, node, nsmap, attrs, facets):
        if node.tag == XS + "simpleType":
            r = node.find(XS + "restriction")
            for f in r:
                if f.tag in (XS + "minLength", XS + "maxLength", XS + "length"):
                    facets[f.tag[len(XS):]] = int(f.get("value"))
            return self.builtin_base(qname(r.get("base"), nsmap), attrs, facets)
        sc = node.find(XS + "simpleContent")
        derivation = sc[0] if sc[0].tag != XS + "annotation" else sc[1]
        base = self.builtin_base(qname(derivation.get("base"), nsmap), attrs,
                                 facets)
        for a in derivation.findall(XS + "attribute"):
            name = a.get("name")
            if a.get("use") == "prohibited":
                attrs.pop(name, None)
                continue
            afacets = {}
            atype = "string"
            if a.get("type"):
                atype = self.builtin_base(qname(a.get("type"), nsmap), {},
                                          afacets)
            attrs[name] = (a.get("use") == "required", atype,
                           afacets.get("maxLength", 0))
        return base

    def emit_type(self, tid, node, nsmap, tns):
        if tid in self.out_types:
            return
        self.out_types[tid] = None  # recursion guard
        if node.tag == XS + "simpleType" or node.find(XS + "simpleContent") is not None:
            attrs, facets = {}, {}
            base = self.simple_of(node, nsmap, attrs, facets)
            self.out_types[tid] = {"simple": base, "attrs": attrs,
                                   "maxlen": facets.get("maxLength", 0)}
            return
        particles = []
        model = None
        for child in node:
            if child.tag in (XS + "sequence", XS + "choice"):
                model = child
        if model is not None:
            self.particles(model, nsmap, tns, particles, 0)
        self.out_types[tid] = {"complex": particles}

    def particles(self, model, nsmap, tns, out, choice):
        is_choice = model.tag == XS + "choice"
        group = choice
        if is_choice:
            self.anon += 1
            group = self.anon
        for p in model:
            if p.tag == XS + "element":
                mn = int(p.get("minOccurs", "1"))
                mx = p.get("maxOccurs", "1")
                mx = 0 if mx == "unbounded" else int(mx)
                if p.get("ref"):
                    q = qname(p.get("ref"), nsmap)
                    enode, etns, ensmap = self.s.elements[q]
                    name = type_id(q)
                    tq = qname(enode.get("type"), ensmap)
                    self.emit_type(type_id(tq), *self.type_node(tq))
                    tid = type_id(tq)
                else:
                    name = type_id((tns, p.get("name")))
                    if p.get("type"):
                        tq = qname(p.get("type"), nsmap)
                        tid = type_id(tq)
                        if tq[0] != "http://www.w3.org/2001/XMLSchema":
                            self.emit_type(tid, *self.type_node(tq))
                        else:
                            self.out_types.setdefault(
                                tid, {"simple": tq[1], "attrs": {}, "maxlen": 0})
                    else:
                        self.anon += 1
                        tid = "anon:%d" % self.anon
                        self.emit_type(tid, p.find(XS + "complexType"), nsmap, tns)
                out.append((name, mn, mx, tid, group,
                            int(model.get("minOccurs", "1")) if is_choice else 1))
            elif p.tag == XS + "any":
                mn = int(p.get("minOccurs", "1"))
                mx = p.get("maxOccurs", "1")
                mx = 0 if mx == "unbounded" else int(mx)
                out.append(("*", mn, mx, "", group, 1))
            elif p.tag in (XS + "sequence", XS + "choice"):
                self.particles(p, nsmap, tns, out, group)

    def type_node(self, tq):
        node, tns, nsmap = self.s.types[tq]
        return node, nsmap, tns

    def root(self, q):
        enode, tns, nsmap = self.s.elements[q]
        tq = qname(enode.get("type"), nsmap)
        self.emit_type(type_id(tq), *self.type_node(tq))
        return type_id(tq)


def cxx_string(s):
    return '"' + s + '"'


def write(path, gen, roots, comment):
    ids = sorted(t for t in gen.out_types if gen.out_types[t] is not None)
    index = {t: i for i, t in enumerate(ids)}
    lines = ["// Generated by generate_schema_tables.py from %s." % comment,
             "// Do not edit; regenerate (see schema_tables.h).", ""]
    lines.append("const SchemaParticle kParticles[] = {")
    starts = {}
    n = 0
    for t in ids:
        d = gen.out_types[t]
        starts[t] = n
        for (name, mn, mx, tid, group, group_min) in d.get("complex", []):
            lines.append("    {%s, %d, %d, %d, %d, %d}," % (
                cxx_string(name), mn, mx, index.get(tid, -1), group, group_min))
            n += 1
    if n == 0:
        lines.append("    {\"\", 0, 0, -1, 0, 0},")
    lines.append("};")
    lines.append("const SchemaAttribute kAttributes[] = {")
    astarts = {}
    m = 0
    for t in ids:
        d = gen.out_types[t]
        astarts[t] = m
        for name, (req, atype, maxlen) in sorted(d.get("attrs", {}).items()):
            lines.append("    {%s, %s, %s, %d}," % (
                cxx_string(name), "true" if req else "false",
                "LexicalType::k" + lexical(atype), maxlen))
            m += 1
    lines.append("};")
    lines.append("const SchemaType kTypes[] = {")
    for t in ids:
        d = gen.out_types[t]
        if "complex" in d:
            lines.append("    {%s, false, LexicalType::kString, 0, %d, %d, 0, 0},"
                         % (cxx_string(t), starts[t], len(d["complex"])))
        else:
            lines.append("    {%s, true, LexicalType::k%s, %d, 0, 0, %d, %d},"
                         % (cxx_string(t), lexical(d["simple"]), d["maxlen"],
                            astarts[t], len(d["attrs"])))
    lines.append("};")
    lines.append("const SchemaRoot kRoots[] = {")
    for name, tid in roots:
        lines.append("    {%s, %d}," % (cxx_string(name), index[tid]))
    lines.append("};")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


LEXICAL = {
    "string": "String", "normalizedString": "String", "token": "String",
    "anyURI": "String", "language": "String", "decimal": "Decimal",
    "date": "Date", "time": "Time", "dateTime": "DateTime", "boolean": "Boolean",
    "base64Binary": "Base64", "integer": "Integer",
}


def lexical(builtin):
    if builtin not in LEXICAL:
        raise SystemExit("unhandled built-in type " + builtin)
    return LEXICAL[builtin]


def main():
    xsd, out = sys.argv[1], sys.argv[2]
    ubl = Schemas()
    ubl.load(os.path.join(xsd, "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"))
    ubl.load(os.path.join(xsd, "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"))
    g = Generator(ubl)
    roots = []
    for ns, name in (("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"),
                     ("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote")):
        roots.append((type_id((ns, name)), g.root((ns, name))))
    write(os.path.join(out, "schema_tables_ubl.inc"), g, roots,
          "the OASIS UBL 2.1 Invoice and CreditNote schemas")
    cii = Schemas()
    cii.load(os.path.join(xsd, "cii-d16b/CrossIndustryInvoice_100pD16B.xsd"))
    g = Generator(cii)
    q = ("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
         "CrossIndustryInvoice")
    write(os.path.join(out, "schema_tables_cii.inc"), g, [(type_id(q), g.root(q))],
          "the UN/CEFACT CII D16B schema (uncoupled code lists)")


if __name__ == "__main__":
    main()
