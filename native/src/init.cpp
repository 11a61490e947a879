// torch.nn.init, in place, drawing from the default generator.
#include "common.h"

using mz::guard;
using mz::tensor;

namespace init = torch::nn::init;

namespace {
init::FanModeType fan_mode(int32_t code) {
  if (code == 0) return torch::kFanIn;
  if (code == 1) return torch::kFanOut;
  throw std::invalid_argument("unknown fan mode " + std::to_string(code));
}

init::NonlinearityType nonlinearity(int32_t code) {
  switch (code) {
    case 0: return torch::kLinear;
    case 1: return torch::kReLU;
    case 2: return torch::kLeakyReLU;
    case 3: return torch::kTanh;
    case 4: return torch::kSigmoid;
    default: throw std::invalid_argument("unknown nonlinearity " + std::to_string(code));
  }
}
}  // namespace

MZ_API int mz_init_kaiming_normal_(mz_tensor t, double a, int32_t mode, int32_t nl) noexcept {
  return guard([&] { init::kaiming_normal_(tensor(t), a, fan_mode(mode), nonlinearity(nl)); });
}
MZ_API int mz_init_kaiming_uniform_(mz_tensor t, double a, int32_t mode, int32_t nl) noexcept {
  return guard([&] { init::kaiming_uniform_(tensor(t), a, fan_mode(mode), nonlinearity(nl)); });
}
MZ_API int mz_init_xavier_normal_(mz_tensor t, double gain) noexcept {
  return guard([&] { init::xavier_normal_(tensor(t), gain); });
}
MZ_API int mz_init_xavier_uniform_(mz_tensor t, double gain) noexcept {
  return guard([&] { init::xavier_uniform_(tensor(t), gain); });
}
MZ_API int mz_init_normal_(mz_tensor t, double mean, double std) noexcept {
  return guard([&] { init::normal_(tensor(t), mean, std); });
}
MZ_API int mz_init_uniform_(mz_tensor t, double low, double high) noexcept {
  return guard([&] { init::uniform_(tensor(t), low, high); });
}
MZ_API int mz_init_constant_(mz_tensor t, double value) noexcept {
  return guard([&] { init::constant_(tensor(t), value); });
}
MZ_API int mz_init_zeros_(mz_tensor t) noexcept {
  return guard([&] { init::zeros_(tensor(t)); });
}
MZ_API int mz_init_ones_(mz_tensor t) noexcept {
  return guard([&] { init::ones_(tensor(t)); });
}
MZ_API int mz_init_trunc_normal_(mz_tensor t, double mean, double std, double low, double high) noexcept {
  return guard([&] {
    // Inverse-CDF sampling as in timm/PyTorch trunc_normal_, kept on the tensor's device.
    at::NoGradGuard no_grad;
    auto& x = tensor(t);
    auto cdf = [](double v) { return (1.0 + std::erf(v / std::sqrt(2.0))) / 2.0; };
    const double l = cdf((low - mean) / std), u = cdf((high - mean) / std);
    x.uniform_(2 * l - 1, 2 * u - 1);
    x.erfinv_();
    x.mul_(std * std::sqrt(2.0));
    x.add_(mean);
    x.clamp_(low, high);
  });
}
