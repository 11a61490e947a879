// Per-operator time and page faults for any process that runs libtorch (ModelZoo or PyTorch alike),
// loaded with LD_PRELOAD. It registers a global RecordFunction callback, so both frameworks are measured
// by the same code; self time excludes nested operators. Written at exit as tab-separated lines:
//   self_ms  total_ms  calls  operator  self_minor_page_faults
// Build and use: bench/op_profile/run (see bench/README.md).
#include <ATen/record_function.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace {

struct Totals {
  double self_ms = 0, total_ms = 0;
  long calls = 0, self_faults = 0;
};

struct Frame {
  double start_ms;
  long start_faults;
  double child_ms = 0;
  long child_faults = 0;
};

std::map<std::string, Totals> totals;
std::mutex totals_mutex;
thread_local std::vector<Frame> frames;

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

std::unique_ptr<at::ObserverContext> enter(const at::RecordFunction&) {
  frames.push_back({now_ms(), minor_faults()});
  return nullptr;
}

void leave(const at::RecordFunction& fn, at::ObserverContext*) {
  if (frames.empty()) return;
  const Frame frame = frames.back();
  frames.pop_back();
  const double elapsed = now_ms() - frame.start_ms;
  const long faults = minor_faults() - frame.start_faults;
  if (!frames.empty()) {
    frames.back().child_ms += elapsed;
    frames.back().child_faults += faults;
  }
  std::lock_guard<std::mutex> lock(totals_mutex);
  auto& t = totals[fn.name()];
  t.self_ms += elapsed - frame.child_ms;
  t.total_ms += elapsed;
  t.calls++;
  t.self_faults += faults - frame.child_faults;
}

__attribute__((constructor)) void start() {
  if (std::getenv("OP_PROFILE_OUT")) at::addGlobalCallback(at::RecordFunctionCallback(enter, leave));
}

__attribute__((destructor)) void finish() {
  const char* path = std::getenv("OP_PROFILE_OUT");
  if (!path) return;
  FILE* out = std::fopen(path, "w");
  if (!out) return;
  std::lock_guard<std::mutex> lock(totals_mutex);
  for (const auto& [name, t] : totals)
    std::fprintf(out, "%.3f\t%.3f\t%ld\t%s\t%ld\n", t.self_ms, t.total_ms, t.calls, name.c_str(), t.self_faults);
  std::fclose(out);
}

}  // namespace
