// Autograd: gradients, detachment, grad mode and inference mode.
#include "common.h"

using mz::guard;
using mz::require_out;
using mz::tensor;
using mz::wrap;

MZ_API int mz_tensor_requires_grad(mz_tensor t, int32_t* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).requires_grad() ? 1 : 0; });
}
MZ_API int mz_tensor_set_requires_grad(mz_tensor t, int32_t requires_grad) noexcept {
  return guard([&] { tensor(t).requires_grad_(requires_grad != 0); });
}
MZ_API int mz_tensor_is_leaf(mz_tensor t, int32_t* out) noexcept {
  return guard([&] { require_out(out); *out = tensor(t).is_leaf() ? 1 : 0; });
}
MZ_API int mz_backward(mz_tensor t, mz_tensor gradient, int32_t retain_graph, int32_t create_graph) noexcept {
  return guard([&] {
    c10::optional<bool> retain;
    if (retain_graph) retain = true;
    tensor(t).backward(mz::optional_tensor(gradient), retain, create_graph != 0);
  });
}
MZ_API int mz_tensor_grad(mz_tensor t, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(t).grad()); });
}
MZ_API int mz_tensor_set_grad(mz_tensor t, mz_tensor grad) noexcept {
  return guard([&] {
    auto& self = tensor(t);
    auto g = mz::optional_tensor(grad);
    // mutable_grad() takes anything; PyTorch's grad setter checks these, and a
    // mismatched gradient would otherwise fail only later, far from its cause.
    if (g.defined()) {
      TORCH_CHECK(g.sizes() == self.sizes(), "assigned grad has data of a different size");
      TORCH_CHECK(g.scalar_type() == self.scalar_type(), "assigned grad has data of a different type");
      TORCH_CHECK(g.device() == self.device(), "assigned grad has data located on a different device");
    }
    self.mutable_grad() = g;
  });
}
MZ_API int mz_tensor_detach(mz_tensor t, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(t).detach()); });
}
MZ_API int mz_tensor_detach_(mz_tensor t) noexcept {
  return guard([&] { tensor(t).detach_(); });
}
MZ_API int mz_is_grad_enabled(int32_t* out) noexcept {
  return guard([&] { require_out(out); *out = at::GradMode::is_enabled() ? 1 : 0; });
}
MZ_API int mz_set_grad_enabled(int32_t enabled) noexcept {
  return guard([&] { at::GradMode::set_enabled(enabled != 0); });
}
MZ_API int mz_inference_mode_enter(mz_guard* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = reinterpret_cast<mz_guard>(new c10::InferenceMode(true));
  });
}
MZ_API int mz_guard_free(mz_guard g) noexcept {
  return guard([&] { delete reinterpret_cast<c10::InferenceMode*>(g); });
}
