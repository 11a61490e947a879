// How the C library's allocator treats the memory libtorch frees on the CPU.
//
// libtorch's CPU tensors come straight from malloc. With glibc's defaults, blocks above the (dynamic, at
// most 32 MiB) mmap threshold are unmapped when freed and freed space at the top of the heap goes back to
// the kernel, so every training step faults its activations in again page by page. Measured on this
// project's VM (docs/performance.md): MobileNetV2 at 224 px, batch 32, trains 3.5x faster when freed memory
// is kept, for PyTorch as much as for ModelZoo. Keeping it is what PyTorch's CUDA caching allocator does
// and what jemalloc/tcmalloc are preloaded for on CPU servers; the cost is that the process keeps its peak
// heap until release is asked for.
#include "common.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

MZ_API int mz_cpu_allocator_retain_freed_memory(int32_t* applied) noexcept {
  return mz::guard([&] {
    mz::require_out(applied);
#if defined(__GLIBC__)
    // Both documented in mallopt(3): no mmap for large requests, and -1 turns heap trimming off.
    *applied = mallopt(M_MMAP_MAX, 0) == 1 && mallopt(M_TRIM_THRESHOLD, -1) == 1 ? 1 : 0;
#else
    *applied = 0;  // other C libraries: their allocator's own policy stays
#endif
  });
}

MZ_API int mz_cpu_allocator_release_freed_memory(int32_t* released) noexcept {
  return mz::guard([&] {
    mz::require_out(released);
#if defined(__GLIBC__)
    *released = malloc_trim(0);
#else
    *released = 0;
#endif
  });
}
