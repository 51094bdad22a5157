// Tesseract (Debian's build) uses OpenMP; with more than one thread per page
// it runs 2.5-4x slower and collapses when pages run in parallel. libgomp
// reads OMP_THREAD_LIMIT once, when the process loads it, so a process that
// runs OCR re-executes itself with the limit set before doing anything else.
#ifndef DOCINTAKE_BASE_OPENMP_ENV_H_
#define DOCINTAKE_BASE_OPENMP_ENV_H_

namespace docintake::base {

// If OMP_THREAD_LIMIT is unset: sets it to 1 and execv's /proc/self/exe with
// `argv` (does not return). If the exec fails, returns and the process runs
// on, slower. Call first thing in main.
void EnsureSingleThreadedOpenMp(char** argv);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_OPENMP_ENV_H_
