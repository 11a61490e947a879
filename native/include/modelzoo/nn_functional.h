/* Neural-network functions (torch.nn.functional). Optional tensors
   (bias, weight, running stats) may be NULL. */
#pragma once

MZ_API int mz_conv2d(mz_tensor input, mz_tensor weight, mz_tensor bias, const int64_t* stride,
                     const int64_t* padding, const int64_t* dilation, int64_t groups, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_batch_norm(mz_tensor input, mz_tensor weight, mz_tensor bias, mz_tensor running_mean,
                         mz_tensor running_var, int32_t training, double momentum, double eps,
                         mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_linear(mz_tensor input, mz_tensor weight, mz_tensor bias, mz_tensor* out) MZ_NOEXCEPT;

MZ_DECLARE_UNARY(relu)
MZ_DECLARE_UNARY(relu6)
MZ_DECLARE_UNARY(hardswish)
MZ_DECLARE_UNARY(hardsigmoid)
MZ_DECLARE_UNARY(sigmoid)
MZ_DECLARE_UNARY(silu)
MZ_DECLARE_UNARY(tanh)

/* Each of kernel, stride, padding, dilation holds two values (h, w). */
MZ_API int mz_max_pool2d(mz_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                         const int64_t* dilation, int32_t ceil_mode, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_avg_pool2d(mz_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                         int32_t ceil_mode, int32_t count_include_pad, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_adaptive_avg_pool2d(mz_tensor input, const int64_t* output_size, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_adaptive_max_pool2d(mz_tensor input, const int64_t* output_size, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_dropout(mz_tensor input, double p, int32_t training, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_softmax(mz_tensor input, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_log_softmax(mz_tensor input, int64_t dim, mz_tensor* out) MZ_NOEXCEPT;
/* reduction: 0 none, 1 mean, 2 sum. target holds class indices (int64) or
   class probabilities (same shape as input). */
MZ_API int mz_cross_entropy(mz_tensor input, mz_tensor target, mz_tensor weight, int32_t reduction,
                            int64_t ignore_index, double label_smoothing, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_nll_loss(mz_tensor input, mz_tensor target, mz_tensor weight, int32_t reduction,
                       int64_t ignore_index, mz_tensor* out) MZ_NOEXCEPT;
/* mode: 0 nearest, 1 bilinear. size holds (h, w). align_corners and antialias
   apply to bilinear only; setting either with nearest is an error. */
MZ_API int mz_interpolate(mz_tensor input, const int64_t* size, int32_t mode, int32_t align_corners,
                          int32_t antialias, mz_tensor* out) MZ_NOEXCEPT;
