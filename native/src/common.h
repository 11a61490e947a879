// Internal helpers shared by every area of the C ABI: the exception guard,
// handle conversions and argument adapters.
#pragma once

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "modelzoo.h"

namespace mz {

void set_error(const char* message) noexcept;

// Runs body and turns every exception into status 1 plus a message for
// mz_last_error(). Nothing escapes across extern "C".
template <class Body>
int guard(Body&& body) noexcept {
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown native error");
  }
  return 1;
}

inline at::Tensor& tensor(mz_tensor handle) {
  if (handle == nullptr) throw std::invalid_argument("tensor handle is null");
  return *reinterpret_cast<at::Tensor*>(handle);
}

// Optional tensor arguments: NULL becomes an undefined tensor.
inline at::Tensor optional_tensor(mz_tensor handle) {
  return handle == nullptr ? at::Tensor() : *reinterpret_cast<at::Tensor*>(handle);
}

// Undefined tensors cross as NULL so the caller can tell "none" from a value.
inline mz_tensor wrap(at::Tensor t) {
  if (!t.defined()) return nullptr;
  return reinterpret_cast<mz_tensor>(new at::Tensor(std::move(t)));
}

template <class T>
inline void require_out(T* out) {
  if (out == nullptr) throw std::invalid_argument("output pointer is null");
}

inline at::IntArrayRef int_array(const int64_t* values, int64_t n) {
  if (n < 0) throw std::invalid_argument("negative array length");
  if (n > 0 && values == nullptr) throw std::invalid_argument("array pointer is null");
  return at::IntArrayRef(values, static_cast<size_t>(n));
}

inline at::IntArrayRef pair(const int64_t* values) { return int_array(values, 2); }

// An integral double becomes an integer scalar, so that integer tensors stay integer.
inline at::Scalar scalar(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
    return at::Scalar(static_cast<int64_t>(v));
  return at::Scalar(v);
}

at::ScalarType scalar_type(int32_t code);
at::Device device(int32_t type, int32_t index);
at::MemoryFormat memory_format(int32_t code);
std::vector<at::Tensor> tensor_list(const mz_tensor* handles, int64_t n);
void write_list(const std::vector<at::Tensor>& list, mz_tensor* outs, int64_t capacity, int64_t* count);

}  // namespace mz
