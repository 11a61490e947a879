/* Tensor handles: lifetime, metadata, conversion, data in and out. */
#pragma once

MZ_API int mz_tensor_free(mz_tensor t) MZ_NOEXCEPT;
/* A new handle to the same tensor (shares storage and autograd identity). */
MZ_API int mz_tensor_alias(mz_tensor t, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_dim(mz_tensor t, int64_t* out) MZ_NOEXCEPT;
/* Writes min(dim, capacity) sizes. */
MZ_API int mz_tensor_shape(mz_tensor t, int64_t* sizes, int64_t capacity) MZ_NOEXCEPT;
MZ_API int mz_tensor_strides(mz_tensor t, int64_t* strides, int64_t capacity) MZ_NOEXCEPT;
MZ_API int mz_tensor_numel(mz_tensor t, int64_t* out) MZ_NOEXCEPT;
/* dtype as c10::ScalarType's value (uint8=0, int32=3, int64=4, float16=5,
   float32=6, float64=7, bool=11, bfloat16=15). */
MZ_API int mz_tensor_dtype(mz_tensor t, int32_t* out) MZ_NOEXCEPT;
/* device type (0 cpu, 1 cuda) and index (-1 when none). */
MZ_API int mz_tensor_device(mz_tensor t, int32_t* type, int32_t* index) MZ_NOEXCEPT;
/* memory_format: 0 contiguous, 1 channels_last, 2 preserve. */
MZ_API int mz_tensor_is_contiguous(mz_tensor t, int32_t memory_format, int32_t* out) MZ_NOEXCEPT;
/* The layout libtorch's kernels read from the strides (0 contiguous, 1 channels_last); NCHW where sizes of 1
   leave it ambiguous and the strides are NCHW's. */
MZ_API int mz_tensor_suggest_memory_format(mz_tensor t, int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_item_double(mz_tensor t, double* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_item_int64(mz_tensor t, int64_t* out) MZ_NOEXCEPT;
/* Copies the elements in logical (row-major) order into dst, which holds
   exactly numel * element_size bytes. One copy when already contiguous on CPU. */
MZ_API int mz_tensor_copy_to(mz_tensor t, void* dst, int64_t nbytes) MZ_NOEXCEPT;
/* Copies row-major bytes from src into t (same numel * element size). */
MZ_API int mz_tensor_copy_from(mz_tensor t, const void* src, int64_t nbytes) MZ_NOEXCEPT;
MZ_API int mz_tensor_to(mz_tensor t, int32_t device_type, int32_t device_index, int32_t dtype,
                        int32_t non_blocking, int32_t copy, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_to_dtype(mz_tensor t, int32_t dtype, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_contiguous(mz_tensor t, int32_t memory_format, mz_tensor* out) MZ_NOEXCEPT;
/* PyTorch's tensor.to(memory_format=): the result's strides are the format's own, even where sizes of 1
   make the old strides ambiguous; aliases when the layout is already so. */
MZ_API int mz_tensor_to_memory_format(mz_tensor t, int32_t memory_format, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_clone(mz_tensor t, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_copy_(mz_tensor dst, mz_tensor src) MZ_NOEXCEPT;
/* Human-readable rendering; free with mz_string_free. */
MZ_API int mz_tensor_to_string(mz_tensor t, char** out) MZ_NOEXCEPT;
MZ_API int mz_string_free(char* s) MZ_NOEXCEPT;
