/* Autograd: gradients, graph detachment, grad mode and inference mode. */
#pragma once

MZ_API int mz_tensor_requires_grad(mz_tensor t, int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_set_requires_grad(mz_tensor t, int32_t requires_grad) MZ_NOEXCEPT;
MZ_API int mz_tensor_is_leaf(mz_tensor t, int32_t* out) MZ_NOEXCEPT;
/* gradient may be NULL for a scalar output. */
MZ_API int mz_backward(mz_tensor t, mz_tensor gradient, int32_t retain_graph, int32_t create_graph) MZ_NOEXCEPT;
/* *out is NULL when the tensor has no gradient yet. */
MZ_API int mz_tensor_grad(mz_tensor t, mz_tensor* out) MZ_NOEXCEPT;
/* grad may be NULL to clear it; otherwise it must match t in size, dtype and device. */
MZ_API int mz_tensor_set_grad(mz_tensor t, mz_tensor grad) MZ_NOEXCEPT;
MZ_API int mz_tensor_detach(mz_tensor t, mz_tensor* out) MZ_NOEXCEPT;
MZ_API int mz_tensor_detach_(mz_tensor t) MZ_NOEXCEPT;
MZ_API int mz_is_grad_enabled(int32_t* out) MZ_NOEXCEPT;
MZ_API int mz_set_grad_enabled(int32_t enabled) MZ_NOEXCEPT;
/* Enters c10::InferenceMode on this thread until mz_guard_free (LIFO). */
MZ_API int mz_inference_mode_enter(mz_guard* out) MZ_NOEXCEPT;
MZ_API int mz_guard_free(mz_guard g) MZ_NOEXCEPT;
