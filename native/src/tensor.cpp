// Tensor handles: lifetime, metadata, conversion, data in and out.
#include <cstring>
#include <sstream>

#include "common.h"

using mz::guard;
using mz::require_out;
using mz::tensor;
using mz::wrap;

namespace {
void check_nbytes(const at::Tensor& t, int64_t nbytes) {
  const int64_t expected = t.numel() * static_cast<int64_t>(t.element_size());
  if (expected != nbytes)
    throw std::invalid_argument("buffer holds " + std::to_string(nbytes) + " bytes but the tensor needs " +
                                std::to_string(expected));
}
}  // namespace

MZ_API int mz_tensor_free(mz_tensor t) noexcept {
  return guard([&] { delete reinterpret_cast<at::Tensor*>(t); });
}

MZ_API int mz_tensor_alias(mz_tensor t, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(t)); });
}

MZ_API int mz_tensor_dim(mz_tensor t, int64_t* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).dim(); });
}

MZ_API int mz_tensor_shape(mz_tensor t, int64_t* sizes, int64_t capacity) noexcept {
  return guard([&] {
    auto s = tensor(t).sizes();
    for (int64_t i = 0; i < capacity && i < static_cast<int64_t>(s.size()); ++i) sizes[i] = s[i];
  });
}

MZ_API int mz_tensor_strides(mz_tensor t, int64_t* strides, int64_t capacity) noexcept {
  return guard([&] {
    auto s = tensor(t).strides();
    for (int64_t i = 0; i < capacity && i < static_cast<int64_t>(s.size()); ++i) strides[i] = s[i];
  });
}

MZ_API int mz_tensor_numel(mz_tensor t, int64_t* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).numel(); });
}

MZ_API int mz_tensor_dtype(mz_tensor t, int32_t* out) noexcept {
  return guard([&] { require_out(out); *out = static_cast<int32_t>(tensor(t).scalar_type()); });
}

MZ_API int mz_tensor_device(mz_tensor t, int32_t* type, int32_t* index) noexcept {
  return guard([&] {
    require_out(type);
    require_out(index);
    auto d = tensor(t).device();
    *type = static_cast<int32_t>(d.type());
    *index = d.has_index() ? d.index() : -1;
  });
}

MZ_API int mz_tensor_is_contiguous(mz_tensor t, int32_t memory_format, int32_t* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = tensor(t).is_contiguous(mz::memory_format(memory_format)) ? 1 : 0;
  });
}

MZ_API int mz_tensor_suggest_memory_format(mz_tensor t, int32_t* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = tensor(t).suggest_memory_format() == at::MemoryFormat::ChannelsLast ? 1 : 0;
  });
}

MZ_API int mz_tensor_item_double(mz_tensor t, double* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).item<double>(); });
}

MZ_API int mz_tensor_item_int64(mz_tensor t, int64_t* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).item<int64_t>(); });
}

MZ_API int mz_tensor_copy_to(mz_tensor t, void* dst, int64_t nbytes) noexcept {
  return guard([&] {
    const at::Tensor& source = tensor(t);
    check_nbytes(source, nbytes);
    if (nbytes == 0) return;
    if (dst == nullptr) throw std::invalid_argument("destination buffer is null");
    // Already row-major on the CPU: one memcpy; otherwise libtorch writes
    // straight into the caller's memory through a wrapping tensor.
    if (source.device().is_cpu() && source.is_contiguous()) {
      std::memcpy(dst, source.data_ptr(), static_cast<size_t>(nbytes));
    } else {
      auto target = torch::from_blob(dst, source.sizes(), source.options().device(at::kCPU).requires_grad(false));
      target.copy_(source.detach());
    }
  });
}

MZ_API int mz_tensor_copy_from(mz_tensor t, const void* src, int64_t nbytes) noexcept {
  return guard([&] {
    at::Tensor& target = tensor(t);
    check_nbytes(target, nbytes);
    if (nbytes == 0) return;
    if (src == nullptr) throw std::invalid_argument("source buffer is null");
    auto source = torch::from_blob(const_cast<void*>(src), target.sizes(),
                                   target.options().device(at::kCPU).requires_grad(false));
    at::NoGradGuard no_grad;
    target.copy_(source);
  });
}

MZ_API int mz_tensor_to(mz_tensor t, int32_t device_type, int32_t device_index, int32_t dtype,
                        int32_t non_blocking, int32_t copy, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(tensor(t).to(mz::device(device_type, device_index), mz::scalar_type(dtype), non_blocking != 0,
                             copy != 0));
  });
}

MZ_API int mz_tensor_to_dtype(mz_tensor t, int32_t dtype, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(t).to(mz::scalar_type(dtype))); });
}

MZ_API int mz_tensor_contiguous(mz_tensor t, int32_t memory_format, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(tensor(t).contiguous(mz::memory_format(memory_format)));
  });
}

MZ_API int mz_tensor_to_memory_format(mz_tensor t, int32_t memory_format, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    // Tensor::to, unlike contiguous, decides from the strides libtorch's kernels read
    // (suggest_memory_format): a [O, I, 1, 1] weight with NCHW strides passes contiguous(ChannelsLast)
    // unchanged, yet oneDNN then picks NCHW kernels and reorders it on every step.
    const at::Tensor& self = tensor(t);
    *out = wrap(self.to(self.options(), /*non_blocking=*/false, /*copy=*/false, mz::memory_format(memory_format)));
  });
}

MZ_API int mz_tensor_clone(mz_tensor t, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(t).clone()); });
}

MZ_API int mz_tensor_copy_(mz_tensor dst, mz_tensor src) noexcept {
  return guard([&] { tensor(dst).copy_(tensor(src)); });
}

MZ_API int mz_tensor_to_string(mz_tensor t, char** out) noexcept {
  return guard([&] {
    require_out(out);
    std::ostringstream s;
    s << tensor(t);
    const std::string text = s.str();
    char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
    if (buffer == nullptr) throw std::bad_alloc();
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    *out = buffer;
  });
}

MZ_API int mz_string_free(char* s) noexcept {
  std::free(s);
  return 0;
}
