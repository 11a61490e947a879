/* Runtime: errors, versions, threads, devices, global seeding. */
#pragma once

/* This thread's last error message; never NULL ("" when none). */
MZ_API const char* mz_last_error(void) MZ_NOEXCEPT;
/* The libtorch version this library was compiled against, e.g. "1.13.1". */
MZ_API const char* mz_torch_version(void) MZ_NOEXCEPT;
MZ_API int mz_set_num_threads(int32_t n) MZ_NOEXCEPT;
MZ_API int mz_get_num_threads(int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_set_num_interop_threads(int32_t n) MZ_NOEXCEPT;
MZ_API int mz_cuda_is_available(int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_cuda_device_count(int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_cuda_synchronize(int32_t device) MZ_NOEXCEPT;
/* Seeds the default CPU (and CUDA, when present) generators. */
MZ_API int mz_manual_seed(uint64_t seed) MZ_NOEXCEPT;
/* Keeps memory freed on the CPU in the process for reuse instead of returning it to the kernel (glibc:
   no mmap for large blocks, no heap trimming); *applied is 0 where the C library offers no such switch. */
MZ_API int mz_cpu_allocator_retain_freed_memory(int32_t* applied) MZ_NOEXCEPT;
/* Returns the freed memory the process holds to the kernel now (glibc malloc_trim); *released is 1 when
   some was. */
MZ_API int mz_cpu_allocator_release_freed_memory(int32_t* released) MZ_NOEXCEPT;
/* Build facts: "mkldnn=1 openmp=1 cuda=0 ..." */
MZ_API const char* mz_build_info(void) MZ_NOEXCEPT;

MZ_API int mz_generator_new(uint64_t seed, mz_generator* out) MZ_NOEXCEPT;
MZ_API int mz_generator_free(mz_generator g) MZ_NOEXCEPT;
MZ_API int mz_generator_manual_seed(mz_generator g, uint64_t seed) MZ_NOEXCEPT;
/* Generator state as a uint8 tensor (for checkpoints) and back. */
MZ_API int mz_generator_get_state(mz_generator g, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_generator_set_state(mz_generator g, mz_tensor state) MZ_NOEXCEPT;
MZ_API int mz_default_generator_get_state(mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_default_generator_set_state(mz_tensor state) MZ_NOEXCEPT;
