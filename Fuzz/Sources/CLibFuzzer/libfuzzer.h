// The libFuzzer entry points the fuzz targets call (compiler-rt's FuzzerInterface.h,
// FuzzerDefs.h). Linked by `-sanitize=fuzzer`; nothing to link here.
#include <stddef.h>
#include <stdint.h>

typedef int (*LLVMFuzzerTestOneInputFunction)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (flags, corpus, the fuzzing loop) over `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, LLVMFuzzerTestOneInputFunction callback);

/// libFuzzer's built-in mutations, for use inside a custom mutator.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
