// Multi-tensor optimizer updates over libtorch's _foreach_* kernels.
#include "common.h"

using mz::guard;

namespace {

// Every list must name n defined tensors of one device: the foreach kernels
// would otherwise fail deep inside with a less helpful message.
std::vector<at::Tensor> checked_list(const mz_tensor* handles, int64_t n, const char* what) {
  auto list = mz::tensor_list(handles, n);
  for (const auto& t : list)
    if (!t.defined()) throw std::invalid_argument(std::string(what) + " contains an undefined tensor");
  return list;
}

}  // namespace

MZ_API int mz_optim_adam_(mz_tensor* params, mz_tensor* grads, mz_tensor* exp_avgs, mz_tensor* exp_avg_sqs, int64_t n,
                          double lr, double beta1, double beta2, double eps, double weight_decay, int32_t decoupled,
                          int64_t step) noexcept {
  return guard([&] {
    if (n <= 0) return;
    if (step < 1) throw std::invalid_argument("Adam step must be at least 1");
    at::NoGradGuard no_grad;
    auto p = checked_list(params, n, "parameters");
    auto g = checked_list(grads, n, "gradients");
    auto m = checked_list(exp_avgs, n, "exp_avg");
    auto v = checked_list(exp_avg_sqs, n, "exp_avg_sq");
    if (weight_decay != 0) {
      if (decoupled)
        at::_foreach_mul_(p, at::Scalar(1 - lr * weight_decay));
      else
        g = at::_foreach_add(g, p, at::Scalar(weight_decay));
    }
    at::_foreach_mul_(m, at::Scalar(beta1));
    at::_foreach_add_(m, g, at::Scalar(1 - beta1));
    at::_foreach_mul_(v, at::Scalar(beta2));
    at::_foreach_addcmul_(v, g, g, at::Scalar(1 - beta2));
    const double correction1 = 1 - std::pow(beta1, static_cast<double>(step));
    const double correction2 = 1 - std::pow(beta2, static_cast<double>(step));
    auto denominator = at::_foreach_sqrt(v);
    at::_foreach_div_(denominator, at::Scalar(std::sqrt(correction2)));
    at::_foreach_add_(denominator, at::Scalar(eps));
    at::_foreach_addcdiv_(p, m, denominator, at::Scalar(-lr / correction1));
  });
}

MZ_API int mz_optim_sgd_(mz_tensor* params, mz_tensor* grads, mz_tensor* momentum_buffers, int64_t n, double lr,
                         double momentum, double dampening, double weight_decay, int32_t nesterov,
                         int32_t first) noexcept {
  return guard([&] {
    if (n <= 0) return;
    at::NoGradGuard no_grad;
    auto p = checked_list(params, n, "parameters");
    auto g = checked_list(grads, n, "gradients");
    if (weight_decay != 0) g = at::_foreach_add(g, p, at::Scalar(weight_decay));
    if (momentum != 0) {
      auto buffers = checked_list(momentum_buffers, n, "momentum buffers");
      if (first) {
        at::_foreach_zero_(buffers);
        at::_foreach_add_(buffers, g);
      } else {
        at::_foreach_mul_(buffers, at::Scalar(momentum));
        at::_foreach_add_(buffers, g, at::Scalar(1 - dampening));
      }
      g = nesterov ? at::_foreach_add(g, buffers, at::Scalar(momentum)) : buffers;
    }
    at::_foreach_add_(p, g, at::Scalar(-lr));
  });
}
