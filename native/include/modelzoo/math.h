/* Elementwise arithmetic, reductions, comparisons and the in-place updates
   the optimizers need. Scalars cross as double; an integral value is passed
   to libtorch as an integer scalar so integer tensors stay integer. */
#pragma once

/* Declares op(a, out) and op_(a) for an elementwise unary op. */
#define MZ_DECLARE_UNARY(name)                                         \
  MZ_API int mz_##name(mz_tensor a, mz_tensor* out) MZ_NOEXCEPT;        \
  MZ_API int mz_##name##_(mz_tensor a) MZ_NOEXCEPT;

MZ_DECLARE_UNARY(neg)
MZ_DECLARE_UNARY(exp)
MZ_DECLARE_UNARY(log)
MZ_DECLARE_UNARY(sqrt)
MZ_DECLARE_UNARY(rsqrt)
MZ_DECLARE_UNARY(abs)
MZ_DECLARE_UNARY(sign)
MZ_DECLARE_UNARY(floor)
MZ_DECLARE_UNARY(round)
MZ_DECLARE_UNARY(reciprocal)

/* a + alpha * b, a - alpha * b */
MZ_API int mz_add(mz_tensor a, mz_tensor b, double alpha, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_add_(mz_tensor a, mz_tensor b, double alpha) MZ_NOEXCEPT;
MZ_API int mz_sub(mz_tensor a, mz_tensor b, double alpha, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_sub_(mz_tensor a, mz_tensor b, double alpha) MZ_NOEXCEPT;
MZ_API int mz_mul(mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_mul_(mz_tensor a, mz_tensor b) MZ_NOEXCEPT;
MZ_API int mz_div(mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_div_(mz_tensor a, mz_tensor b) MZ_NOEXCEPT;
MZ_API int mz_pow(mz_tensor a, mz_tensor exponent, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_maximum(mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_minimum(mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_matmul(mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;

MZ_API int mz_add_scalar(mz_tensor a, double s, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_add_scalar_(mz_tensor a, double s) MZ_NOEXCEPT;
MZ_API int mz_sub_scalar(mz_tensor a, double s, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_sub_scalar_(mz_tensor a, double s) MZ_NOEXCEPT;
MZ_API int mz_mul_scalar(mz_tensor a, double s, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_mul_scalar_(mz_tensor a, double s) MZ_NOEXCEPT;
MZ_API int mz_div_scalar(mz_tensor a, double s, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_div_scalar_(mz_tensor a, double s) MZ_NOEXCEPT;
MZ_API int mz_pow_scalar(mz_tensor a, double exponent, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_pow_scalar_(mz_tensor a, double exponent) MZ_NOEXCEPT;
/* has_min/has_max say which bound applies. */
MZ_API int mz_clamp(mz_tensor a, int32_t has_min, double min, int32_t has_max, double max,
                    mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_clamp_(mz_tensor a, int32_t has_min, double min, int32_t has_max, double max) MZ_NOEXCEPT;

/* Optimizer updates, in place on t. */
MZ_API int mz_addcmul_(mz_tensor t, mz_tensor a, mz_tensor b, double value) MZ_NOEXCEPT;
MZ_API int mz_addcdiv_(mz_tensor t, mz_tensor a, mz_tensor b, double value) MZ_NOEXCEPT;
MZ_API int mz_lerp_(mz_tensor t, mz_tensor end, double weight) MZ_NOEXCEPT;
MZ_API int mz_zero_(mz_tensor t) MZ_NOEXCEPT;
MZ_API int mz_fill_(mz_tensor t, double value) MZ_NOEXCEPT;

/* Reductions. ndim == 0 reduces over every dimension; dtype < 0 keeps the
   input's (promoted) type. */
MZ_API int mz_sum(mz_tensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, int32_t dtype,
                  mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_mean(mz_tensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_max_all(mz_tensor a, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_min_all(mz_tensor a, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_max_dim(mz_tensor a, int64_t dim, int32_t keepdim, mz_tensor* values, mz_tensor* indices) MZ_NOEXCEPT;
MZ_API int mz_min_dim(mz_tensor a, int64_t dim, int32_t keepdim, mz_tensor* values, mz_tensor* indices) MZ_NOEXCEPT;
/* has_dim == 0: index into the flattened tensor. */
MZ_API int mz_argmax(mz_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_topk(mz_tensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted, mz_tensor* values,
                   mz_tensor* indices) MZ_NOEXCEPT;
MZ_API int mz_sort(mz_tensor a, int64_t dim, int32_t descending, mz_tensor* values, mz_tensor* indices) MZ_NOEXCEPT;
/* 1 when every element is finite (no NaN, no Inf). */
MZ_API int mz_all_finite(mz_tensor a, int32_t* out) MZ_NOEXCEPT;
/* max |a - b| as double; shapes must broadcast. */
MZ_API int mz_max_abs_diff(mz_tensor a, mz_tensor b, double* out) MZ_NOEXCEPT;

/* Comparisons. op: 0 eq, 1 ne, 2 gt, 3 ge, 4 lt, 5 le. Result is bool. */
MZ_API int mz_compare(mz_tensor a, mz_tensor b, int32_t op, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_compare_scalar(mz_tensor a, double s, int32_t op, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_where(mz_tensor condition, mz_tensor a, mz_tensor b, mz_tensor* out) MZ_NOEXCEPT;

/* Multi-tensor optimizer steps: every list holds n handles. */
MZ_API int mz_foreach_mul_scalar_(mz_tensor* ts, int64_t n, double s) MZ_NOEXCEPT;
MZ_API int mz_foreach_add_(mz_tensor* ts, mz_tensor* others, int64_t n, double alpha) MZ_NOEXCEPT;
MZ_API int mz_foreach_zero_(mz_tensor* ts, int64_t n) MZ_NOEXCEPT;
