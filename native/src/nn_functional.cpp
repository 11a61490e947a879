// torch.nn.functional: convolution, normalisation, activations, pooling,
// losses and resizing.
#include "common.h"

using mz::guard;
using mz::optional_tensor;
using mz::pair;
using mz::require_out;
using mz::tensor;
using mz::wrap;

namespace F = torch::nn::functional;

MZ_API int mz_conv2d(mz_tensor input, mz_tensor weight, mz_tensor bias, const int64_t* stride,
                     const int64_t* padding, const int64_t* dilation, int64_t groups, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::conv2d(tensor(input), tensor(weight), optional_tensor(bias), pair(stride), pair(padding),
                           pair(dilation), groups));
  });
}

MZ_API int mz_batch_norm(mz_tensor input, mz_tensor weight, mz_tensor bias, mz_tensor running_mean,
                         mz_tensor running_var, int32_t training, double momentum, double eps,
                         mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::batch_norm(tensor(input), optional_tensor(weight), optional_tensor(bias),
                               optional_tensor(running_mean), optional_tensor(running_var), training != 0, momentum,
                               eps, at::globalContext().userEnabledCuDNN()));
  });
}

namespace {

// Whether a linear layer runs faster as a 1x1 convolution. Without MKL, libtorch's CPU matrix products go
// to the system BLAS, and Debian's default (netlib's reference BLAS) is about ten times slower than
// oneDNN's convolution on the same numbers: measured on MobileNetV2's classifier (128x1280 -> 1000, forward
// and backward) 224 ms against 23 ms, which was half of a training step at 32 px. oneDNN takes a 1x1
// convolution only for a batch of two or more (libtorch's use_mkldnn), so single rows stay on BLAS.
bool linear_as_convolution(const at::Tensor& input, const at::Tensor& weight) {
  return !at::hasMKL() && at::hasMKLDNN() && input.device().is_cpu() && input.scalar_type() == at::kFloat &&
         weight.scalar_type() == at::kFloat && input.dim() == 2 && weight.dim() == 2 && input.size(0) > 1 &&
         input.size(1) == weight.size(1) && input.layout() == at::kStrided && weight.layout() == at::kStrided;
}

}  // namespace

MZ_API int mz_linear(mz_tensor input, mz_tensor weight, mz_tensor bias, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    const at::Tensor& x = tensor(input);
    const at::Tensor& w = tensor(weight);
    if (!linear_as_convolution(x, w)) {
      *out = wrap(at::linear(x, w, optional_tensor(bias)));
      return;
    }
    const auto rows = x.size(0);
    const auto features = w.size(0);
    auto y = at::conv2d(x.reshape({rows, x.size(1), 1, 1}), w.view({features, w.size(1), 1, 1}),
                        optional_tensor(bias));
    *out = wrap(y.view({rows, features}));
  });
}

#define MZ_DEFINE_ACTIVATION(name, expression, inplace)                          \
  MZ_API int mz_##name(mz_tensor a, mz_tensor* out) noexcept {                   \
    return guard([&] { require_out(out); const auto& x = tensor(a); *out = wrap(expression); }); \
  }                                                                              \
  MZ_API int mz_##name##_(mz_tensor a) noexcept {                                \
    return guard([&] { auto& x = tensor(a); inplace; });                         \
  }

MZ_DEFINE_ACTIVATION(relu, at::relu(x), at::relu_(x))
MZ_DEFINE_ACTIVATION(relu6, at::hardtanh(x, 0, 6), at::hardtanh_(x, 0, 6))
MZ_DEFINE_ACTIVATION(hardswish, at::hardswish(x), at::hardswish_(x))
MZ_DEFINE_ACTIVATION(hardsigmoid, at::hardsigmoid(x), at::hardsigmoid_(x))
MZ_DEFINE_ACTIVATION(sigmoid, at::sigmoid(x), at::sigmoid_(x))
MZ_DEFINE_ACTIVATION(silu, at::silu(x), at::silu_(x))
MZ_DEFINE_ACTIVATION(tanh, at::tanh(x), at::tanh_(x))

MZ_API int mz_max_pool2d(mz_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                         const int64_t* dilation, int32_t ceil_mode, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::max_pool2d(tensor(input), pair(kernel), pair(stride), pair(padding), pair(dilation),
                               ceil_mode != 0));
  });
}

MZ_API int mz_avg_pool2d(mz_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                         int32_t ceil_mode, int32_t count_include_pad, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::avg_pool2d(tensor(input), pair(kernel), pair(stride), pair(padding), ceil_mode != 0,
                               count_include_pad != 0));
  });
}

MZ_API int mz_adaptive_avg_pool2d(mz_tensor input, const int64_t* output_size, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::adaptive_avg_pool2d(tensor(input), pair(output_size))); });
}

MZ_API int mz_adaptive_max_pool2d(mz_tensor input, const int64_t* output_size, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(std::get<0>(at::adaptive_max_pool2d(tensor(input), pair(output_size))));
  });
}

MZ_API int mz_dropout(mz_tensor input, double p, int32_t training, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    if (p < 0.0 || p > 1.0) throw std::invalid_argument("dropout probability must be in [0, 1], got " + std::to_string(p));
    *out = wrap(at::dropout(tensor(input), p, training != 0));
  });
}

MZ_API int mz_softmax(mz_tensor input, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::softmax(tensor(input), dim)); });
}

MZ_API int mz_log_softmax(mz_tensor input, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::log_softmax(tensor(input), dim)); });
}

namespace {
int64_t reduction(int32_t code) {
  switch (code) {
    case 0: return at::Reduction::None;
    case 1: return at::Reduction::Mean;
    case 2: return at::Reduction::Sum;
    default: throw std::invalid_argument("unknown reduction " + std::to_string(code));
  }
}
}  // namespace

MZ_API int mz_cross_entropy(mz_tensor input, mz_tensor target, mz_tensor weight, int32_t reduction_code,
                            int64_t ignore_index, double label_smoothing, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::cross_entropy_loss(tensor(input), tensor(target), optional_tensor(weight),
                                       reduction(reduction_code), ignore_index, label_smoothing));
  });
}

MZ_API int mz_nll_loss(mz_tensor input, mz_tensor target, mz_tensor weight, int32_t reduction_code,
                       int64_t ignore_index, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    *out = wrap(at::nll_loss_nd(tensor(input), tensor(target), optional_tensor(weight), reduction(reduction_code),
                                ignore_index));
  });
}

MZ_API int mz_interpolate(mz_tensor input, const int64_t* size, int32_t mode, int32_t align_corners,
                          int32_t antialias, mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{size[0], size[1]});
    if (mode == 0) {
      // As in PyTorch: these options mean nothing for nearest, so asking for them is an error.
      if (align_corners || antialias)
        throw std::invalid_argument("align_corners and antialias apply only to bilinear interpolation, not nearest");
      options.mode(torch::kNearest);
    } else if (mode == 1) {
      options.mode(torch::kBilinear).align_corners(align_corners != 0).antialias(antialias != 0);
    } else {
      throw std::invalid_argument("unknown interpolation mode " + std::to_string(mode));
    }
    *out = wrap(F::interpolate(tensor(input), options));
  });
}
