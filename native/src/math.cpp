// Elementwise arithmetic, reductions, comparisons, optimizer updates.
#include "common.h"

using mz::guard;
using mz::require_out;
using mz::scalar;
using mz::tensor;
using mz::wrap;

#define MZ_DEFINE_UNARY(name)                                                   \
  MZ_API int mz_##name(mz_tensor a, mz_tensor* out) noexcept {                  \
    return guard([&] { require_out(out); *out = wrap(at::name(tensor(a))); });  \
  }                                                                             \
  MZ_API int mz_##name##_(mz_tensor a) noexcept {                               \
    return guard([&] { tensor(a).name##_(); });                                   \
  }

MZ_DEFINE_UNARY(neg)
MZ_DEFINE_UNARY(exp)
MZ_DEFINE_UNARY(log)
MZ_DEFINE_UNARY(sqrt)
MZ_DEFINE_UNARY(rsqrt)
MZ_DEFINE_UNARY(abs)
MZ_DEFINE_UNARY(sign)
MZ_DEFINE_UNARY(floor)
MZ_DEFINE_UNARY(round)
MZ_DEFINE_UNARY(reciprocal)

MZ_API int mz_add(mz_tensor a, mz_tensor b, double alpha, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::add(tensor(a), tensor(b), scalar(alpha))); });
}
MZ_API int mz_add_(mz_tensor a, mz_tensor b, double alpha) noexcept {
  return guard([&] { tensor(a).add_(tensor(b), scalar(alpha)); });
}
MZ_API int mz_sub(mz_tensor a, mz_tensor b, double alpha, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::sub(tensor(a), tensor(b), scalar(alpha))); });
}
MZ_API int mz_sub_(mz_tensor a, mz_tensor b, double alpha) noexcept {
  return guard([&] { tensor(a).sub_(tensor(b), scalar(alpha)); });
}
MZ_API int mz_mul(mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::mul(tensor(a), tensor(b))); });
}
MZ_API int mz_mul_(mz_tensor a, mz_tensor b) noexcept {
  return guard([&] { tensor(a).mul_(tensor(b)); });
}
MZ_API int mz_div(mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::div(tensor(a), tensor(b))); });
}
MZ_API int mz_div_(mz_tensor a, mz_tensor b) noexcept {
  return guard([&] { tensor(a).div_(tensor(b)); });
}
MZ_API int mz_pow(mz_tensor a, mz_tensor exponent, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::pow(tensor(a), tensor(exponent))); });
}
MZ_API int mz_maximum(mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::maximum(tensor(a), tensor(b))); });
}
MZ_API int mz_minimum(mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::minimum(tensor(a), tensor(b))); });
}
MZ_API int mz_matmul(mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::matmul(tensor(a), tensor(b))); });
}

MZ_API int mz_add_scalar(mz_tensor a, double s, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::add(tensor(a), scalar(s))); });
}
MZ_API int mz_add_scalar_(mz_tensor a, double s) noexcept {
  return guard([&] { tensor(a).add_(scalar(s)); });
}
MZ_API int mz_sub_scalar(mz_tensor a, double s, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::sub(tensor(a), scalar(s))); });
}
MZ_API int mz_sub_scalar_(mz_tensor a, double s) noexcept {
  return guard([&] { tensor(a).sub_(scalar(s)); });
}
MZ_API int mz_mul_scalar(mz_tensor a, double s, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::mul(tensor(a), scalar(s))); });
}
MZ_API int mz_mul_scalar_(mz_tensor a, double s) noexcept {
  return guard([&] { tensor(a).mul_(scalar(s)); });
}
MZ_API int mz_div_scalar(mz_tensor a, double s, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::div(tensor(a), scalar(s))); });
}
MZ_API int mz_div_scalar_(mz_tensor a, double s) noexcept {
  return guard([&] { tensor(a).div_(scalar(s)); });
}
MZ_API int mz_pow_scalar(mz_tensor a, double exponent, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::pow(tensor(a), scalar(exponent))); });
}
MZ_API int mz_pow_scalar_(mz_tensor a, double exponent) noexcept {
  return guard([&] { tensor(a).pow_(scalar(exponent)); });
}

namespace {
// Through mz::scalar like every other scalar argument: a double Scalar would
// promote an integer tensor to float (clamp type-promotes since libtorch 1.13).
c10::optional<at::Scalar> bound(int32_t present, double value) {
  if (!present) return c10::nullopt;
  return scalar(value);
}
}  // namespace

MZ_API int mz_clamp(mz_tensor a, int32_t has_min, double min, int32_t has_max, double max, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::clamp(tensor(a), bound(has_min, min), bound(has_max, max)));
  });
}
MZ_API int mz_clamp_(mz_tensor a, int32_t has_min, double min, int32_t has_max, double max) noexcept {
  return guard([&] { at::clamp_(tensor(a), bound(has_min, min), bound(has_max, max)); });
}

MZ_API int mz_addcmul_(mz_tensor t, mz_tensor a, mz_tensor b, double value) noexcept {
  return guard([&] { tensor(t).addcmul_(tensor(a), tensor(b), at::Scalar(value)); });
}
MZ_API int mz_addcdiv_(mz_tensor t, mz_tensor a, mz_tensor b, double value) noexcept {
  return guard([&] { tensor(t).addcdiv_(tensor(a), tensor(b), at::Scalar(value)); });
}
MZ_API int mz_lerp_(mz_tensor t, mz_tensor end, double weight) noexcept {
  return guard([&] { tensor(t).lerp_(tensor(end), at::Scalar(weight)); });
}
MZ_API int mz_zero_(mz_tensor t) noexcept {
  return guard([&] { tensor(t).zero_(); });
}
MZ_API int mz_fill_(mz_tensor t, double value) noexcept {
  return guard([&] { tensor(t).fill_(scalar(value)); });
}

namespace {
std::vector<int64_t> reduction_dims(const at::Tensor& a, const int64_t* dims, int64_t ndim) {
  if (ndim == 0) {
    std::vector<int64_t> all(static_cast<size_t>(a.dim()));
    for (int64_t i = 0; i < a.dim(); ++i) all[static_cast<size_t>(i)] = i;
    return all;
  }
  auto given = mz::int_array(dims, ndim);
  return std::vector<int64_t>(given.begin(), given.end());
}
}  // namespace

MZ_API int mz_sum(mz_tensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, int32_t dtype,
                  mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    const auto& x = tensor(a);
    c10::optional<at::ScalarType> type;
    if (dtype >= 0) type = mz::scalar_type(dtype);
    *out = wrap(at::sum(x, reduction_dims(x, dims, ndim), keepdim != 0, type));
  });
}

MZ_API int mz_mean(mz_tensor a, const int64_t* dims, int64_t ndim, int32_t keepdim, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    const auto& x = tensor(a);
    *out = wrap(at::mean(x, reduction_dims(x, dims, ndim), keepdim != 0));
  });
}

MZ_API int mz_max_all(mz_tensor a, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::max(tensor(a))); });
}
MZ_API int mz_min_all(mz_tensor a, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::min(tensor(a))); });
}

MZ_API int mz_max_dim(mz_tensor a, int64_t dim, int32_t keepdim, mz_tensor* values, mz_tensor* indices) noexcept {
  return guard([&] {
    require_out(values);
    require_out(indices);
    auto r = at::max(tensor(a), dim, keepdim != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  });
}
MZ_API int mz_min_dim(mz_tensor a, int64_t dim, int32_t keepdim, mz_tensor* values, mz_tensor* indices) noexcept {
  return guard([&] {
    require_out(values);
    require_out(indices);
    auto r = at::min(tensor(a), dim, keepdim != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  });
}

MZ_API int mz_argmax(mz_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    c10::optional<int64_t> d;
    if (has_dim) d = dim;
    *out = wrap(at::argmax(tensor(a), d, keepdim != 0));
  });
}

MZ_API int mz_topk(mz_tensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted, mz_tensor* values,
                   mz_tensor* indices) noexcept {
  return guard([&] {
    require_out(values);
    require_out(indices);
    auto r = at::topk(tensor(a), k, dim, largest != 0, sorted != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  });
}

MZ_API int mz_sort(mz_tensor a, int64_t dim, int32_t descending, mz_tensor* values, mz_tensor* indices) noexcept {
  return guard([&] {
    require_out(values);
    require_out(indices);
    auto r = at::sort(tensor(a), dim, descending != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  });
}

MZ_API int mz_all_finite(mz_tensor a, int32_t* out) noexcept {
  return guard([&] { require_out(out); *out = at::isfinite(tensor(a)).all().item<bool>() ? 1 : 0; });
}

MZ_API int mz_max_abs_diff(mz_tensor a, mz_tensor b, double* out) noexcept {
  return guard([&] {
    require_out(out);
    auto d = (tensor(a).to(at::kDouble) - tensor(b).to(at::kDouble)).abs();
    *out = d.numel() == 0 ? 0.0 : d.max().item<double>();
  });
}

namespace {
at::Tensor compare(const at::Tensor& a, const at::Tensor& b, int32_t op) {
  switch (op) {
    case 0: return at::eq(a, b);
    case 1: return at::ne(a, b);
    case 2: return at::gt(a, b);
    case 3: return at::ge(a, b);
    case 4: return at::lt(a, b);
    case 5: return at::le(a, b);
    default: throw std::invalid_argument("unknown comparison " + std::to_string(op));
  }
}
at::Tensor compare(const at::Tensor& a, const at::Scalar& b, int32_t op) {
  switch (op) {
    case 0: return at::eq(a, b);
    case 1: return at::ne(a, b);
    case 2: return at::gt(a, b);
    case 3: return at::ge(a, b);
    case 4: return at::lt(a, b);
    case 5: return at::le(a, b);
    default: throw std::invalid_argument("unknown comparison " + std::to_string(op));
  }
}
}  // namespace

MZ_API int mz_compare(mz_tensor a, mz_tensor b, int32_t op, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(compare(tensor(a), tensor(b), op)); });
}
MZ_API int mz_compare_scalar(mz_tensor a, double s, int32_t op, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(compare(tensor(a), scalar(s), op)); });
}
MZ_API int mz_where(mz_tensor condition, mz_tensor a, mz_tensor b, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::where(tensor(condition), tensor(a), tensor(b))); });
}

MZ_API int mz_foreach_mul_scalar_(mz_tensor* ts, int64_t n, double s) noexcept {
  return guard([&] { at::_foreach_mul_(mz::tensor_list(ts, n), at::Scalar(s)); });
}
MZ_API int mz_foreach_add_(mz_tensor* ts, mz_tensor* others, int64_t n, double alpha) noexcept {
  return guard([&] { at::_foreach_add_(mz::tensor_list(ts, n), mz::tensor_list(others, n), at::Scalar(alpha)); });
}
MZ_API int mz_foreach_zero_(mz_tensor* ts, int64_t n) noexcept {
  return guard([&] { at::_foreach_zero_(mz::tensor_list(ts, n)); });
}
