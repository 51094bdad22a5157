// UN/EDIFACT (UNTDID) code lists of the EN 16931 code-list rules.
// Source: CEN/TC 434 validation artefacts, release validation-1.3.15
// (ConnectingEurope/eInvoicing-EN16931, tag validation-1.3.15), code list
// files ubl/schematron/codelist/EN16931-UBL-codes.sch and
// cii/schematron/codelist/EN16931-CII-codes.sch. Sorted in byte order.
#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/internal/code_lists.h"

namespace docintake::einvoice::internal {
namespace {

// BR-CL-01, UBL cbc:InvoiceTypeCode.
constexpr absl::string_view k1001InvoiceUbl[] = {
    "102", "130", "202", "203", "204", "211", "218", "219", "295", "325", "326",
    "331", "380", "382", "383", "384", "385", "386", "387", "388", "389", "390",
    "393", "394", "395", "456", "457", "471", "472", "473", "500", "501", "502",
    "503", "527", "553", "575", "623", "633", "71",  "751", "780", "80",  "81",
    "817", "82",  "84",  "870", "875", "876", "877", "935",
};

// BR-CL-01, UBL cbc:CreditNoteTypeCode.
constexpr absl::string_view k1001CreditNoteUbl[] = {
    "261", "262", "296", "308", "381", "396", "420", "458", "532", "81", "83",
};

// BR-CL-01, CII rsm:ExchangedDocument/ram:TypeCode.
constexpr absl::string_view k1001Cii[] = {
    "102", "130", "202", "203", "204", "211", "218", "219", "261", "262", "295",
    "296", "308", "325", "326", "331", "380", "381", "382", "383", "384", "385",
    "386", "387", "388", "389", "390", "393", "394", "395", "396", "420", "456",
    "457", "458", "471", "472", "473", "500", "501", "502", "503", "527", "532",
    "553", "575", "623", "633", "71",  "751", "780", "80",  "81",  "817", "82",
    "83",  "84",  "870", "875", "876", "877", "935",
};

// BR-CL-06 (UBL): VAT point date codes.
constexpr absl::string_view k2005[] = {
    "3",
    "35",
    "432",
};

// BR-CL-06 (CII): due date type codes.
constexpr absl::string_view k2475[] = {
    "29",
    "5",
    "72",
};

// BR-CL-07.
constexpr absl::string_view k1153[] = {
    "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAH", "AAI", "AAJ", "AAK",
    "AAL", "AAM", "AAN", "AAO", "AAP", "AAQ", "AAR", "AAS", "AAT", "AAU", "AAV",
    "AAW", "AAX", "AAY", "AAZ", "ABA", "ABB", "ABC", "ABD", "ABE", "ABF", "ABG",
    "ABH", "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN", "ABO", "ABP", "ABQ", "ABR",
    "ABS", "ABT", "ABU", "ABV", "ABW", "ABX", "ABY", "ABZ", "AC",  "ACA", "ACB",
    "ACC", "ACD", "ACE", "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACN",
    "ACO", "ACP", "ACQ", "ACR", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ",
    "ADA", "ADB", "ADC", "ADD", "ADE", "ADF", "ADG", "ADI", "ADJ", "ADK", "ADL",
    "ADM", "ADN", "ADO", "ADP", "ADQ", "ADT", "ADU", "ADV", "ADW", "ADX", "ADY",
    "ADZ", "AE",  "AEA", "AEB", "AEC", "AED", "AEE", "AEF", "AEG", "AEH", "AEI",
    "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AEQ", "AER", "AES", "AET",
    "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AF",  "AFA", "AFB", "AFC", "AFD",
    "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO",
    "AFP", "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ",
    "AGA", "AGB", "AGC", "AGD", "AGE", "AGF", "AGG", "AGH", "AGI", "AGJ", "AGK",
    "AGL", "AGM", "AGN", "AGO", "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV",
    "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB", "AHC", "AHD", "AHE", "AHF", "AHG",
    "AHH", "AHI", "AHJ", "AHK", "AHL", "AHM", "AHN", "AHO", "AHP", "AHQ", "AHR",
    "AHS", "AHT", "AHU", "AHV", "AHX", "AHY", "AHZ", "AIA", "AIB", "AIC", "AID",
    "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN", "AIO",
    "AIP", "AIQ", "AIR", "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY", "AIZ",
    "AJA", "AJB", "AJC", "AJD", "AJE", "AJF", "AJG", "AJH", "AJI", "AJJ", "AJK",
    "AJL", "AJM", "AJN", "AJO", "AJP", "AJQ", "AJR", "AJS", "AJT", "AJU", "AJV",
    "AJW", "AJX", "AJY", "AJZ", "AKA", "AKB", "AKC", "AKD", "AKE", "AKF", "AKG",
    "AKH", "AKI", "AKJ", "AKK", "AKL", "AKM", "AKN", "AKO", "AKP", "AKQ", "AKR",
    "AKS", "AKT", "AKU", "AKV", "AKW", "AKX", "AKY", "AKZ", "ALA", "ALB", "ALC",
    "ALD", "ALE", "ALF", "ALG", "ALH", "ALI", "ALJ", "ALK", "ALL", "ALM", "ALN",
    "ALO", "ALP", "ALQ", "ALR", "ALS", "ALT", "ALU", "ALV", "ALW", "ALX", "ALY",
    "ALZ", "AMA", "AMB", "AMC", "AMD", "AME", "AMF", "AMG", "AMH", "AMI", "AMJ",
    "AMK", "AML", "AMM", "AMN", "AMO", "AMP", "AMQ", "AMR", "AMS", "AMT", "AMU",
    "AMV", "AMW", "AMX", "AMY", "AMZ", "ANA", "ANB", "ANC", "AND", "ANE", "ANF",
    "ANG", "ANH", "ANI", "ANJ", "ANK", "ANL", "ANM", "ANN", "ANO", "ANP", "ANQ",
    "ANR", "ANS", "ANT", "ANU", "ANV", "ANW", "ANX", "ANY", "AOA", "AOD", "AOE",
    "AOF", "AOG", "AOH", "AOI", "AOJ", "AOK", "AOL", "AOM", "AON", "AOO", "AOP",
    "AOQ", "AOR", "AOS", "AOT", "AOU", "AOV", "AOW", "AOX", "AOY", "AOZ", "AP",
    "APA", "APB", "APC", "APD", "APE", "APF", "APG", "APH", "API", "APJ", "APK",
    "APL", "APM", "APN", "APO", "APP", "APQ", "APR", "APS", "APT", "APU", "APV",
    "APW", "APX", "APY", "APZ", "AQA", "AQB", "AQC", "AQD", "AQE", "AQF", "AQG",
    "AQH", "AQI", "AQJ", "AQK", "AQL", "AQM", "AQN", "AQO", "AQP", "AQQ", "AQR",
    "AQS", "AQT", "AQU", "AQV", "AQW", "AQX", "AQY", "AQZ", "ARA", "ARB", "ARC",
    "ARD", "ARE", "ARF", "ARG", "ARH", "ARI", "ARJ", "ARK", "ARL", "ARM", "ARN",
    "ARO", "ARP", "ARQ", "ARR", "ARS", "ART", "ARU", "ARV", "ARW", "ARX", "ARY",
    "ARZ", "ASA", "ASB", "ASC", "ASD", "ASE", "ASF", "ASG", "ASH", "ASI", "ASJ",
    "ASK", "ASL", "ASM", "ASN", "ASO", "ASP", "ASQ", "ASR", "ASS", "AST", "ASU",
    "ASV", "ASW", "ASX", "ASY", "ASZ", "ATA", "ATB", "ATC", "ATD", "ATE", "ATF",
    "ATG", "ATH", "ATI", "ATJ", "ATK", "ATL", "ATM", "ATN", "ATO", "ATP", "ATQ",
    "ATR", "ATS", "ATT", "ATU", "ATV", "ATW", "ATX", "ATY", "ATZ", "AU",  "AUA",
    "AUB", "AUC", "AUD", "AUE", "AUF", "AUG", "AUH", "AUI", "AUJ", "AUK", "AUL",
    "AUM", "AUN", "AUO", "AUP", "AUQ", "AUR", "AUS", "AUT", "AUU", "AUV", "AUW",
    "AUX", "AUY", "AUZ", "AV",  "AVA", "AVB", "AVC", "AVD", "AVE", "AVF", "AVG",
    "AVH", "AVI", "AVJ", "AVK", "AVL", "AVM", "AVN", "AVO", "AVP", "AVQ", "AVR",
    "AVS", "AVT", "AVU", "AVV", "AVW", "AVX", "AVY", "AVZ", "AWA", "AWB", "AWC",
    "AWD", "AWE", "AWF", "AWG", "AWH", "AWI", "AWJ", "AWK", "AWL", "AWM", "AWN",
    "AWO", "AWP", "AWQ", "AWR", "AWS", "AWT", "AWU", "AWV", "AWW", "AWX", "AWY",
    "AWZ", "AXA", "AXB", "AXC", "AXD", "AXE", "AXF", "AXG", "AXH", "AXI", "AXJ",
    "AXK", "AXL", "AXM", "AXN", "AXO", "AXP", "AXQ", "AXR", "AXS", "AXU", "BA",
    "BC",  "BD",  "BE",  "BH",  "BM",  "BN",  "BO",  "BR",  "BT",  "BTP", "BW",
    "CAS", "CAT", "CAU", "CAV", "CAW", "CAX", "CAY", "CAZ", "CBA", "CBB", "CD",
    "CEC", "CED", "CFE", "CFF", "CFO", "CG",  "CH",  "CK",  "CKN", "CM",  "CMR",
    "CN",  "CNO", "COF", "CP",  "CR",  "CRN", "CS",  "CST", "CT",  "CU",  "CV",
    "CW",  "CZ",  "DA",  "DAN", "DB",  "DI",  "DL",  "DM",  "DQ",  "DR",  "EA",
    "EB",  "ED",  "EE",  "EEP", "EI",  "EN",  "EQ",  "ER",  "ERN", "ET",  "EX",
    "FC",  "FF",  "FI",  "FLW", "FN",  "FO",  "FS",  "FT",  "FV",  "FX",  "GA",
    "GC",  "GD",  "GDN", "GN",  "HS",  "HWB", "IA",  "IB",  "ICA", "ICE", "ICO",
    "II",  "IL",  "INB", "INN", "INO", "IP",  "IS",  "IT",  "IV",  "JB",  "JE",
    "LA",  "LAN", "LAR", "LB",  "LC",  "LI",  "LO",  "LRC", "LS",  "MA",  "MB",
    "MF",  "MG",  "MH",  "MR",  "MRN", "MS",  "MSS", "MWB", "NA",  "NF",  "OH",
    "OI",  "ON",  "OP",  "OR",  "PB",  "PC",  "PD",  "PE",  "PF",  "PI",  "PK",
    "PL",  "POR", "PP",  "PQ",  "PR",  "PS",  "PW",  "PY",  "RA",  "RC",  "RCN",
    "RE",  "REN", "RF",  "RR",  "RT",  "SA",  "SB",  "SD",  "SE",  "SEA", "SF",
    "SH",  "SI",  "SM",  "SN",  "SP",  "SQ",  "SRN", "SS",  "STA", "SW",  "SZ",
    "TB",  "TCR", "TE",  "TF",  "TI",  "TIN", "TL",  "TN",  "TP",  "UAR", "UC",
    "UCN", "UN",  "UO",  "URI", "VA",  "VC",  "VGR", "VM",  "VN",  "VON", "VOR",
    "VP",  "VR",  "VS",  "VT",  "VV",  "WE",  "WM",  "WN",  "WR",  "WS",  "WY",
    "XA",  "XC",  "XP",  "ZZZ",
};

// BR-CL-08 (UBL, note subject codes written as #CODE# in cbc:Note).
constexpr absl::string_view k4451Ubl[] = {
    "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAI", "AAJ", "AAK", "AAL",
    "AAM", "AAN", "AAO", "AAP", "AAQ", "AAR", "AAS", "AAT", "AAU", "AAV", "AAW",
    "AAX", "AAY", "AAZ", "ABA", "ABB", "ABC", "ABD", "ABE", "ABF", "ABG", "ABH",
    "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN", "ABO", "ABP", "ABQ", "ABR", "ABS",
    "ABT", "ABU", "ABV", "ABW", "ABX", "ABZ", "ACA", "ACB", "ACC", "ACD", "ACE",
    "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACN", "ACO", "ACP",
    "ACQ", "ACR", "ACS", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ", "ADA",
    "ADB", "ADC", "ADD", "ADE", "ADF", "ADG", "ADH", "ADI", "ADJ", "ADK", "ADL",
    "ADM", "ADN", "ADO", "ADP", "ADQ", "ADR", "ADS", "ADT", "ADU", "ADV", "ADW",
    "ADX", "ADY", "ADZ", "AEA", "AEB", "AEC", "AED", "AEE", "AEF", "AEG", "AEH",
    "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AEQ", "AER", "AES",
    "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AFA", "AFB", "AFC", "AFD",
    "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO",
    "AFP", "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ",
    "AGA", "AGB", "AGC", "AGD", "AGE", "AGF", "AGG", "AGH", "AGI", "AGJ", "AGK",
    "AGL", "AGM", "AGN", "AGO", "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV",
    "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB", "AHC", "AHD", "AHE", "AHF", "AHG",
    "AHH", "AHI", "AHJ", "AHK", "AHL", "AHM", "AHN", "AHO", "AHP", "AHQ", "AHR",
    "AHS", "AHT", "AHU", "AHV", "AHW", "AHX", "AHY", "AHZ", "AIA", "AIB", "AIC",
    "AID", "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN",
    "AIO", "AIP", "AIQ", "AIR", "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY",
    "AIZ", "AJA", "AJB", "ALC", "ALD", "ALE", "ALF", "ALG", "ALH", "ALI", "ALJ",
    "ALK", "ALL", "ALM", "ALN", "ALO", "ALP", "ALQ", "ARR", "ARS", "AUT", "AUU",
    "AUV", "AUW", "AUX", "AUY", "AUZ", "AVA", "AVB", "AVC", "AVD", "AVE", "AVF",
    "BAG", "BAH", "BAI", "BAJ", "BAK", "BAL", "BAM", "BAN", "BAO", "BAP", "BAQ",
    "BAR", "BAS", "BLC", "BLD", "BLE", "BLF", "BLG", "BLH", "BLI", "BLJ", "BLK",
    "BLL", "BLM", "BLN", "BLO", "BLP", "BLQ", "BLR", "BLS", "BLT", "BLU", "BLV",
    "BLW", "BLX", "BLY", "BLZ", "BMA", "BMB", "BMC", "BMD", "BME", "CCI", "CEX",
    "CHG", "CIP", "CLP", "CLR", "COI", "CUR", "CUS", "DAR", "DCL", "DEL", "DIN",
    "DOC", "DUT", "EUR", "FBC", "GBL", "GEN", "GS7", "HAN", "HAZ", "ICN", "IIN",
    "IMI", "IND", "INS", "INV", "IRP", "ITR", "ITS", "LAN", "LIN", "LOI", "MCO",
    "MDH", "MKS", "ORI", "OSI", "PAC", "PAI", "PAY", "PKG", "PKT", "PMD", "PMT",
    "PRD", "PRF", "PRI", "PUR", "QIN", "QQD", "QUT", "RAH", "REG", "RET", "REV",
    "RQR", "SAF", "SIC", "SIN", "SLR", "SPA", "SPG", "SPH", "SPP", "SPT", "SRN",
    "SSR", "SUR", "TCA", "TDT", "TRA", "TRR", "TXD", "WHI", "ZZZ",
};

// BR-CL-08 (CII ram:SubjectCode).
constexpr absl::string_view k4451Cii[] = {
    "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAI", "AAJ", "AAK", "AAL",
    "AAM", "AAN", "AAO", "AAP", "AAQ", "AAR", "AAS", "AAT", "AAU", "AAV", "AAW",
    "AAX", "AAY", "AAZ", "ABA", "ABB", "ABC", "ABD", "ABE", "ABF", "ABG", "ABH",
    "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN", "ABO", "ABP", "ABQ", "ABR", "ABS",
    "ABT", "ABU", "ABV", "ABW", "ABX", "ABZ", "ACA", "ACB", "ACC", "ACD", "ACE",
    "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACN", "ACO", "ACP",
    "ACQ", "ACR", "ACS", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ", "ADA",
    "ADB", "ADC", "ADD", "ADE", "ADF", "ADG", "ADH", "ADI", "ADJ", "ADK", "ADL",
    "ADM", "ADN", "ADO", "ADP", "ADQ", "ADR", "ADS", "ADT", "ADU", "ADV", "ADW",
    "ADX", "ADY", "ADZ", "AEA", "AEB", "AEC", "AED", "AEE", "AEF", "AEG", "AEH",
    "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AEQ", "AER", "AES",
    "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AFA", "AFB", "AFC", "AFD",
    "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO",
    "AFP", "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ",
    "AGA", "AGB", "AGC", "AGD", "AGE", "AGF", "AGG", "AGH", "AGI", "AGJ", "AGK",
    "AGL", "AGM", "AGN", "AGO", "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV",
    "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB", "AHC", "AHD", "AHE", "AHF", "AHG",
    "AHH", "AHI", "AHJ", "AHK", "AHL", "AHM", "AHN", "AHO", "AHP", "AHQ", "AHR",
    "AHS", "AHT", "AHU", "AHV", "AHW", "AHX", "AHY", "AHZ", "AIA", "AIB", "AIC",
    "AID", "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN",
    "AIO", "AIP", "AIQ", "AIR", "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY",
    "AIZ", "AJA", "AJB", "ALC", "ALD", "ALE", "ALF", "ALG", "ALH", "ALI", "ALJ",
    "ALK", "ALL", "ALM", "ALN", "ALO", "ALP", "ALQ", "ARR", "ARS", "AUT", "AUU",
    "AUV", "AUW", "AUX", "AUY", "AUZ", "AVA", "AVB", "AVC", "AVD", "AVE", "AVF",
    "BAG", "BAH", "BAI", "BAJ", "BAK", "BAL", "BAM", "BAN", "BAO", "BAP", "BAQ",
    "BAR", "BAS", "BAT", "BAU", "BAV", "BAW", "BAX", "BAY", "BAZ", "BBA", "BBB",
    "BLC", "BLD", "BLE", "BLF", "BLG", "BLH", "BLI", "BLJ", "BLK", "BLL", "BLM",
    "BLN", "BLO", "BLP", "BLQ", "BLR", "BLS", "BLT", "BLU", "BLV", "BLW", "BLX",
    "BLY", "BLZ", "BMA", "BMB", "BMC", "BMD", "BME", "BMF", "BMG", "BMH", "CCI",
    "CCJ", "CCK", "CCL", "CCM", "CCN", "CCO", "CEX", "CHG", "CIP", "CLP", "CLR",
    "COI", "CUR", "CUS", "DAR", "DCL", "DEL", "DIN", "DOC", "DUT", "EUR", "FBC",
    "GBL", "GEN", "GS7", "HAN", "HAZ", "ICN", "IIN", "IMI", "IND", "INS", "INV",
    "IRP", "ITR", "ITS", "LAN", "LIN", "LOI", "MCO", "MDH", "MKS", "ORI", "OSI",
    "PAC", "PAI", "PAY", "PKG", "PKT", "PMD", "PMT", "PRD", "PRF", "PRI", "PUR",
    "QIN", "QQD", "QUT", "RAH", "REG", "RET", "REV", "RQR", "SAF", "SIC", "SIN",
    "SLR", "SPA", "SPG", "SPH", "SPP", "SPT", "SRN", "SSR", "SUR", "TCA", "TDT",
    "TRA", "TRR", "TXD", "WHI", "ZZZ",
};

// BR-CL-16.
constexpr absl::string_view k4461[] = {
    "1",  "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "2",
    "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "3",  "30",
    "31", "32", "33", "34", "35", "36", "37", "38", "39", "4",  "40", "41",
    "42", "43", "44", "45", "46", "47", "48", "49", "5",  "50", "51", "52",
    "53", "54", "55", "56", "57", "58", "59", "6",  "60", "61", "62", "63",
    "64", "65", "66", "67", "68", "69", "7",  "70", "74", "75", "76", "77",
    "78", "8",  "9",  "91", "92", "93", "94", "95", "96", "97", "98", "ZZZ",
};

// BR-CL-17, BR-CL-18.
constexpr absl::string_view k5305[] = {
    "AE", "B", "E", "G", "K", "L", "M", "O", "S", "Z",
};

// BR-CL-19.
constexpr absl::string_view k5189[] = {
    "100", "102", "103", "104", "105", "41", "42", "60", "62", "63",
    "64",  "65",  "66",  "67",  "68",  "70", "71", "88", "95",
};

// BR-CL-20.
constexpr absl::string_view k7161[] = {
    "AA",  "AAA", "AAC", "AAD", "AAE", "AAF", "AAH", "AAI", "AAS", "AAT", "AAV",
    "AAY", "AAZ", "ABA", "ABB", "ABC", "ABD", "ABF", "ABK", "ABL", "ABN", "ABR",
    "ABS", "ABT", "ABU", "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM",
    "ACS", "ADC", "ADE", "ADJ", "ADK", "ADL", "ADM", "ADN", "ADO", "ADP", "ADQ",
    "ADR", "ADT", "ADW", "ADY", "ADZ", "AEA", "AEB", "AEC", "AED", "AEF", "AEH",
    "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AES", "AET", "AEU",
    "AEV", "AEW", "AEX", "AEY", "AEZ", "AJ",  "AU",  "CA",  "CAB", "CAD", "CAE",
    "CAF", "CAI", "CAJ", "CAK", "CAL", "CAM", "CAN", "CAO", "CAP", "CAQ", "CAR",
    "CAS", "CAT", "CAU", "CAV", "CAW", "CAX", "CAY", "CAZ", "CD",  "CG",  "CS",
    "CT",  "DAB", "DAC", "DAD", "DAF", "DAG", "DAH", "DAI", "DAJ", "DAK", "DAL",
    "DAM", "DAN", "DAO", "DAP", "DAQ", "DL",  "EG",  "EP",  "ER",  "FAA", "FAB",
    "FAC", "FC",  "FH",  "FI",  "GAA", "HAA", "HD",  "HH",  "IAA", "IAB", "ID",
    "IF",  "IR",  "IS",  "KO",  "L1",  "LA",  "LAA", "LAB", "LF",  "MAE", "MI",
    "ML",  "NAA", "OA",  "PA",  "PAA", "PC",  "PL",  "PRV", "RAB", "RAC", "RAD",
    "RAF", "RE",  "RF",  "RH",  "RV",  "SA",  "SAA", "SAD", "SAE", "SAI", "SG",
    "SH",  "SM",  "SU",  "TAB", "TAC", "TT",  "TV",  "V1",  "V2",  "WH",  "XAA",
    "YY",  "ZZZ",
};

// BR-CL-13.
constexpr absl::string_view k7143[] = {
    "AA",  "AB",  "AC",  "AD",  "AE",  "AF",  "AG",  "AH",  "AI",  "AJ",  "AK",
    "AL",  "AM",  "AN",  "AO",  "AP",  "AQ",  "AR",  "AS",  "AT",  "AU",  "AV",
    "AW",  "AX",  "AY",  "AZ",  "BA",  "BB",  "BC",  "BD",  "BE",  "BF",  "BG",
    "BH",  "BI",  "BJ",  "BK",  "BL",  "BM",  "BN",  "BO",  "BP",  "BQ",  "BR",
    "BS",  "BT",  "BU",  "BV",  "BW",  "BX",  "BY",  "BZ",  "CC",  "CG",  "CL",
    "CR",  "CV",  "DR",  "DW",  "EC",  "EF",  "EMD", "EN",  "FS",  "GB",  "GMN",
    "GN",  "GS",  "HS",  "IB",  "IN",  "IS",  "IT",  "IZ",  "MA",  "MF",  "MN",
    "MP",  "NB",  "ON",  "PD",  "PL",  "PO",  "PPI", "PV",  "QS",  "RC",  "RN",
    "RU",  "RY",  "SA",  "SG",  "SK",  "SN",  "SRS", "SRT", "SRU", "SRV", "SRW",
    "SRX", "SRY", "SRZ", "SS",  "SSA", "SSB", "SSC", "SSD", "SSE", "SSF", "SSG",
    "SSH", "SSI", "SSJ", "SSK", "SSL", "SSM", "SSN", "SSO", "SSP", "SSQ", "SSR",
    "SSS", "SST", "SSU", "SSV", "SSW", "SSX", "SSY", "SSZ", "ST",  "STA", "STB",
    "STC", "STD", "STE", "STF", "STG", "STH", "STI", "STJ", "STK", "STL", "STM",
    "STN", "STO", "STP", "STQ", "STR", "STS", "STT", "STU", "STV", "STW", "STX",
    "STY", "STZ", "SUA", "SUB", "SUC", "SUD", "SUE", "SUF", "SUG", "SUH", "SUI",
    "SUJ", "SUK", "SUL", "SUM", "TG",  "TSN", "TSO", "TSP", "TSQ", "TSR", "TSS",
    "TST", "TSU", "UA",  "UP",  "VN",  "VP",  "VS",  "VX",  "ZZZ",
};

}  // namespace

const CodeList& Untdid1001InvoiceUbl() {
  static constexpr CodeList kList{"UNTDID 1001", k1001InvoiceUbl};
  return kList;
}

const CodeList& Untdid1001CreditNoteUbl() {
  static constexpr CodeList kList{"UNTDID 1001", k1001CreditNoteUbl};
  return kList;
}

const CodeList& Untdid1001Cii() {
  static constexpr CodeList kList{"UNTDID 1001", k1001Cii};
  return kList;
}

const CodeList& Untdid2005TaxPointDate() {
  static constexpr CodeList kList{"UNTDID 2005", k2005};
  return kList;
}

const CodeList& Untdid2475DueDateType() {
  static constexpr CodeList kList{"UNTDID 2475", k2475};
  return kList;
}

const CodeList& Untdid1153() {
  static constexpr CodeList kList{"UNTDID 1153", k1153};
  return kList;
}

const CodeList& Untdid4451Ubl() {
  static constexpr CodeList kList{"UNTDID 4451", k4451Ubl};
  return kList;
}

const CodeList& Untdid4451Cii() {
  static constexpr CodeList kList{"UNTDID 4451", k4451Cii};
  return kList;
}

const CodeList& Untdid4461() {
  static constexpr CodeList kList{"UNTDID 4461", k4461};
  return kList;
}

const CodeList& Untdid5305() {
  static constexpr CodeList kList{"UNTDID 5305", k5305};
  return kList;
}

const CodeList& Untdid5189() {
  static constexpr CodeList kList{"UNTDID 5189", k5189};
  return kList;
}

const CodeList& Untdid7161() {
  static constexpr CodeList kList{"UNTDID 7161", k7161};
  return kList;
}

const CodeList& Untdid7143() {
  static constexpr CodeList kList{"UNTDID 7143", k7143};
  return kList;
}

}  // namespace docintake::einvoice::internal
