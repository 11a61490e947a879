// Errors, versions, threads, devices and generators.
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/util/Logging.h>
#include <torch/version.h>

#include <sstream>

#include "common.h"

namespace mz {

namespace {
thread_local std::string last_error;

// libtorch symbolises a C++ backtrace into every c10::Error it constructs, which
// costs milliseconds per error (about 14 ms for an index_select index error in
// 1.13). guard() passes on only what_without_backtrace(), so the backtrace is
// pure cost: fetch none. The source location stays in the full message.
[[maybe_unused]] const bool no_error_backtraces = [] {
  c10::SetStackTraceFetcher([] { return std::string(); });
  return true;
}();
}  // namespace

void set_error(const char* message) noexcept {
  try {
    last_error = message == nullptr ? "unknown native error" : message;
  } catch (...) {
    // Out of memory while recording the message: keep whatever was there.
  }
}

at::ScalarType scalar_type(int32_t code) {
  switch (code) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 11: case 15:
      return static_cast<at::ScalarType>(code);
    default:
      throw std::invalid_argument("unsupported dtype code " + std::to_string(code));
  }
}

at::Device device(int32_t type, int32_t index) {
  if (type == 0) return at::Device(at::kCPU);
  if (type == 1) return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index < 0 ? 0 : index));
  throw std::invalid_argument("unsupported device type " + std::to_string(type));
}

at::MemoryFormat memory_format(int32_t code) {
  switch (code) {
    case 0: return at::MemoryFormat::Contiguous;
    case 1: return at::MemoryFormat::ChannelsLast;
    case 2: return at::MemoryFormat::Preserve;
    default: throw std::invalid_argument("unsupported memory format " + std::to_string(code));
  }
}

std::vector<at::Tensor> tensor_list(const mz_tensor* handles, int64_t n) {
  if (n < 0 || (n > 0 && handles == nullptr)) throw std::invalid_argument("bad tensor list");
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) list.push_back(tensor(handles[i]));
  return list;
}

void write_list(const std::vector<at::Tensor>& list, mz_tensor* outs, int64_t capacity, int64_t* count) {
  require_out(count);
  if (static_cast<int64_t>(list.size()) > capacity)
    throw std::invalid_argument("result has " + std::to_string(list.size()) + " tensors but room for " +
                                std::to_string(capacity));
  for (size_t i = 0; i < list.size(); ++i) outs[i] = wrap(list[i]);
  *count = static_cast<int64_t>(list.size());
}

}  // namespace mz

namespace {
at::Generator& generator(mz_generator g) {
  if (g == nullptr) throw std::invalid_argument("generator handle is null");
  return *reinterpret_cast<at::Generator*>(g);
}
}  // namespace

MZ_API const char* mz_last_error(void) noexcept {
  static thread_local std::string copy;
  // The message is read through a stable copy so a later set_error cannot
  // invalidate a pointer the caller still holds mid-read.
  mz::guard([&] { copy = mz::last_error; });
  return copy.c_str();
}

MZ_API const char* mz_torch_version(void) noexcept { return TORCH_VERSION; }

MZ_API const char* mz_build_info(void) noexcept {
  static std::string info;
  static std::once_flag once;
  mz::guard([&] {
    std::call_once(once, [] {
      std::ostringstream s;
      s << "mkldnn=" << at::hasMKLDNN() << " openmp=" << AT_PARALLEL_OPENMP << " cuda=" << at::hasCUDA();
      info = s.str();
    });
  });
  return info.c_str();
}

MZ_API int mz_set_num_threads(int32_t n) noexcept {
  return mz::guard([&] {
    if (n < 1) throw std::invalid_argument("thread count must be >= 1, got " + std::to_string(n));
    at::set_num_threads(n);
  });
}

MZ_API int mz_get_num_threads(int32_t* out) noexcept {
  return mz::guard([&] { mz::require_out(out); *out = at::get_num_threads(); });
}

MZ_API int mz_set_num_interop_threads(int32_t n) noexcept {
  return mz::guard([&] { at::set_num_interop_threads(n); });
}

MZ_API int mz_cuda_is_available(int32_t* out) noexcept {
  return mz::guard([&] { mz::require_out(out); *out = torch::cuda::is_available() ? 1 : 0; });
}

MZ_API int mz_cuda_device_count(int32_t* out) noexcept {
  return mz::guard([&] { mz::require_out(out); *out = static_cast<int32_t>(torch::cuda::device_count()); });
}

MZ_API int mz_cuda_synchronize(int32_t device) noexcept {
  return mz::guard([&] { torch::cuda::synchronize(device); });
}

MZ_API int mz_manual_seed(uint64_t seed) noexcept {
  return mz::guard([&] { torch::manual_seed(seed); });
}

MZ_API int mz_generator_new(uint64_t seed, mz_generator* out) noexcept {
  return mz::guard([&] {
    mz::require_out(out);
    *out = reinterpret_cast<mz_generator>(new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed)));
  });
}

MZ_API int mz_generator_free(mz_generator g) noexcept {
  return mz::guard([&] { delete reinterpret_cast<at::Generator*>(g); });
}

MZ_API int mz_generator_manual_seed(mz_generator g, uint64_t seed) noexcept {
  return mz::guard([&] {
    auto& gen = generator(g);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
  });
}

MZ_API int mz_generator_get_state(mz_generator g, mz_tensor* out) noexcept {
  return mz::guard([&] {
    mz::require_out(out);
    auto& gen = generator(g);
    std::lock_guard<std::mutex> lock(gen.mutex());
    *out = mz::wrap(gen.get_state());
  });
}

MZ_API int mz_generator_set_state(mz_generator g, mz_tensor state) noexcept {
  return mz::guard([&] {
    auto& gen = generator(g);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(mz::tensor(state));
  });
}

MZ_API int mz_default_generator_get_state(mz_tensor* out) noexcept {
  return mz::guard([&] {
    mz::require_out(out);
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    *out = mz::wrap(gen.get_state());
  });
}

MZ_API int mz_default_generator_set_state(mz_tensor state) noexcept {
  return mz::guard([&] {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(mz::tensor(state));
  });
}
