/* Views, reshapes, joins and splits. Functions that return several tensors
   write at most `capacity` handles into `outs` and the number into `count`;
   a capacity that is too small is an error. */
#pragma once

MZ_API int mz_reshape(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_view(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_permute(mz_tensor a, const int64_t* dims, int64_t ndim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_transpose(mz_tensor a, int64_t dim0, int64_t dim1, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_flatten(mz_tensor a, int64_t start_dim, int64_t end_dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_unsqueeze(mz_tensor a, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_squeeze(mz_tensor a, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_expand(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_narrow(mz_tensor a, int64_t dim, int64_t start, int64_t length, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_slice(mz_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_select(mz_tensor a, int64_t dim, int64_t index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_index_select(mz_tensor a, int64_t dim, mz_tensor index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_gather(mz_tensor a, int64_t dim, mz_tensor index, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_cat(const mz_tensor* tensors, int64_t n, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_stack(const mz_tensor* tensors, int64_t n, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_split(mz_tensor a, int64_t split_size, int64_t dim, mz_tensor* outs, int64_t capacity,
                    int64_t* count) MZ_NOEXCEPT;
MZ_API int mz_split_sizes(mz_tensor a, const int64_t* sizes, int64_t n, int64_t dim, mz_tensor* outs,
                          int64_t capacity, int64_t* count) MZ_NOEXCEPT;
MZ_API int mz_chunk(mz_tensor a, int64_t chunks, int64_t dim, mz_tensor* outs, int64_t capacity,
                    int64_t* count) MZ_NOEXCEPT;
MZ_API int mz_flip(mz_tensor a, const int64_t* dims, int64_t ndim, mz_tensor* out) MZ_NOEXCEPT;
/* pads: (left, right, top, bottom, ...) as torch.nn.functional.pad;
   mode: 0 constant, 1 reflect, 2 replicate. */
MZ_API int mz_pad(mz_tensor a, const int64_t* pads, int64_t npads, int32_t mode, double value,
                  mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_one_hot(mz_tensor labels, int64_t num_classes, mz_tensor* out) MZ_NOEXCEPT;
