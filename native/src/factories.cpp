// Creating tensors: from memory, filled, ranges, random.
#include <cstring>

#include "common.h"

using mz::guard;
using mz::require_out;
using mz::wrap;

namespace {
c10::optional<at::Generator> generator(mz_generator g) {
  if (g == nullptr) return c10::nullopt;
  return *reinterpret_cast<at::Generator*>(g);
}

at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(mz::scalar_type(dtype)).device(mz::device(device_type, device_index));
}
}  // namespace

MZ_API int mz_tensor_from_data(const void* data, int32_t dtype, const int64_t* sizes, int64_t ndim,
                               mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    auto shape = mz::int_array(sizes, ndim);
    for (auto s : shape)
      if (s < 0) throw std::invalid_argument("negative dimension " + std::to_string(s));
    auto result = at::empty(shape, at::TensorOptions().dtype(mz::scalar_type(dtype)));
    const size_t nbytes = static_cast<size_t>(result.numel()) * result.element_size();
    if (nbytes > 0) {
      if (data == nullptr) throw std::invalid_argument("data pointer is null");
      std::memcpy(result.data_ptr(), data, nbytes);
    }
    *out = wrap(result);
  });
}

MZ_API int mz_empty(const int64_t* sizes, int64_t ndim, int32_t dtype, int32_t device_type, int32_t device_index,
                    mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::empty(mz::int_array(sizes, ndim), options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_full(const int64_t* sizes, int64_t ndim, double value, int32_t dtype, int32_t device_type,
                   int32_t device_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::full(mz::int_array(sizes, ndim), mz::scalar(value), options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_arange(double start, double end, double step, int32_t dtype, int32_t device_type,
                     int32_t device_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::arange(mz::scalar(start), mz::scalar(end), mz::scalar(step),
                           options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_rand(const int64_t* sizes, int64_t ndim, mz_generator g, int32_t dtype, int32_t device_type,
                   int32_t device_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::rand(mz::int_array(sizes, ndim), generator(g), options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_randn(const int64_t* sizes, int64_t ndim, mz_generator g, int32_t dtype, int32_t device_type,
                    int32_t device_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::randn(mz::int_array(sizes, ndim), generator(g), options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_randint(int64_t low, int64_t high, const int64_t* sizes, int64_t ndim, mz_generator g,
                      int32_t dtype, int32_t device_type, int32_t device_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(
        at::randint(low, high, mz::int_array(sizes, ndim), generator(g), options(dtype, device_type, device_index)));
  });
}

MZ_API int mz_randperm(int64_t n, mz_generator g, int32_t device_type, int32_t device_index,
                       mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::randperm(n, generator(g), options(static_cast<int32_t>(at::kLong), device_type, device_index)));
  });
}

MZ_API int mz_normal_(mz_tensor t, double mean, double std, mz_generator g) noexcept {
  return guard([&] { mz::tensor(t).normal_(mean, std, generator(g)); });
}

MZ_API int mz_uniform_(mz_tensor t, double low, double high, mz_generator g) noexcept {
  return guard([&] { mz::tensor(t).uniform_(low, high, generator(g)); });
}

MZ_API int mz_bernoulli_(mz_tensor t, double p, mz_generator g) noexcept {
  return guard([&] { mz::tensor(t).bernoulli_(p, generator(g)); });
}
