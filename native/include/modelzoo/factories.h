/* Creating tensors: from memory, filled, ranges, random. A NULL generator
   means libtorch's default generator. */
#pragma once

/* Copies numel * element_size bytes from data into a new CPU tensor. */
MZ_API int mz_tensor_from_data(const void* data, int32_t dtype, const int64_t* sizes, int64_t ndim,
                               mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_empty(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type,
                    int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_full(const int64_t* sizes, int64_t ndim, double value, int32_t dtype, int32_t device_type,
                   int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_arange(double start, double end, double step, int32_t dtype, int32_t device_type,
                     int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_rand(const int64_t* sizes, int64_t ndim, mz_generator g, int32_t dtype, int32_t device_type,
                   int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_randn(const int64_t* sizes, int64_t ndim, mz_generator g, int32_t dtype, int32_t device_type,
                    int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_randint(int64_t low, int64_t high, const int64_t* sizes, int64_t ndim, mz_generator g,
                      int32_t dtype, int32_t device_type, int32_t device_index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_randperm(int64_t n, mz_generator g, int32_t device_type, int32_t device_index,
                       mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_normal_(mz_tensor t, double mean, double std, mz_generator g) MZ_NOEXCEPT;
MZ_API int mz_uniform_(mz_tensor t, double low, double high, mz_generator g) MZ_NOEXCEPT;
MZ_API int mz_bernoulli_(mz_tensor t, double p, mz_generator g) MZ_NOEXCEPT;
