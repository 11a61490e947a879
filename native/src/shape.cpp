// Views, reshapes, joins and splits.
#include "common.h"

using mz::guard;
using mz::int_array;
using mz::require_out;
using mz::tensor;
using mz::wrap;

MZ_API int mz_reshape(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).reshape(int_array(sizes, ndim))); });
}
MZ_API int mz_view(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).view(int_array(sizes, ndim))); });
}
MZ_API int mz_permute(mz_tensor a, const int64_t* dims, int64_t ndim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).permute(int_array(dims, ndim))); });
}
MZ_API int mz_transpose(mz_tensor a, int64_t dim0, int64_t dim1, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).transpose(dim0, dim1)); });
}
MZ_API int mz_flatten(mz_tensor a, int64_t start_dim, int64_t end_dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).flatten(start_dim, end_dim)); });
}
MZ_API int mz_unsqueeze(mz_tensor a, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).unsqueeze(dim)); });
}
MZ_API int mz_squeeze(mz_tensor a, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).squeeze(dim)); });
}
MZ_API int mz_expand(mz_tensor a, const int64_t* sizes, int64_t ndim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).expand(int_array(sizes, ndim))); });
}
MZ_API int mz_narrow(mz_tensor a, int64_t dim, int64_t start, int64_t length, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).narrow(dim, start, length)); });
}
MZ_API int mz_slice(mz_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).slice(dim, start, end, step)); });
}
MZ_API int mz_select(mz_tensor a, int64_t dim, int64_t index, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).select(dim, index)); });
}
MZ_API int mz_index_select(mz_tensor a, int64_t dim, mz_tensor index, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).index_select(dim, tensor(index))); });
}
MZ_API int mz_gather(mz_tensor a, int64_t dim, mz_tensor index, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).gather(dim, tensor(index))); });
}
MZ_API int mz_cat(const mz_tensor* tensors, int64_t n, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::cat(mz::tensor_list(tensors, n), dim)); });
}
MZ_API int mz_stack(const mz_tensor* tensors, int64_t n, int64_t dim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::stack(mz::tensor_list(tensors, n), dim)); });
}
MZ_API int mz_split(mz_tensor a, int64_t split_size, int64_t dim, mz_tensor* outs, int64_t capacity,
                    int64_t* count) noexcept {
  return guard([&] { mz::write_list(tensor(a).split(split_size, dim), outs, capacity, count); });
}
MZ_API int mz_split_sizes(mz_tensor a, const int64_t* sizes, int64_t n, int64_t dim, mz_tensor* outs,
                          int64_t capacity, int64_t* count) noexcept {
  return guard([&] { mz::write_list(tensor(a).split_with_sizes(int_array(sizes, n), dim), outs, capacity, count); });
}
MZ_API int mz_chunk(mz_tensor a, int64_t chunks, int64_t dim, mz_tensor* outs, int64_t capacity,
                    int64_t* count) noexcept {
  return guard([&] { mz::write_list(tensor(a).chunk(chunks, dim), outs, capacity, count); });
}
MZ_API int mz_flip(mz_tensor a, const int64_t* dims, int64_t ndim, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(tensor(a).flip(int_array(dims, ndim))); });
}

MZ_API int mz_pad(mz_tensor a, const int64_t* pads, int64_t npads, int32_t mode, double value,
                  mz_tensor* out) noexcept {
  return guard([&] {
    require_out(out);
    namespace F = torch::nn::functional;
    if (npads < 0 || (npads > 0 && pads == nullptr)) throw std::invalid_argument("bad pad list");
    auto options = F::PadFuncOptions(std::vector<int64_t>(pads, pads + npads));
    switch (mode) {
      case 0: options.mode(torch::kConstant).value(value); break;
      case 1: options.mode(torch::kReflect); break;
      case 2: options.mode(torch::kReplicate); break;
      default: throw std::invalid_argument("unknown pad mode " + std::to_string(mode));
    }
    *out = wrap(F::pad(tensor(a), options));
  });
}

MZ_API int mz_one_hot(mz_tensor labels, int64_t num_classes, mz_tensor* out) noexcept {
  return guard([&] { require_out(out); *out = wrap(at::one_hot(tensor(labels), num_classes)); });
}
