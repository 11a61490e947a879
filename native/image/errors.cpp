// The per-thread error message behind mz_image_last_error().
#include <string>

#include "image_internal.h"

namespace {
thread_local std::string last_error;
}

namespace mz::image {

void set_error(const char* message) noexcept {
  try {
    last_error = message != nullptr ? message : "";
  } catch (...) {
    // Out of memory while copying the message: an empty one beats none.
    last_error.clear();
  }
}

}  // namespace mz::image

MZ_IMAGE_API const char* mz_image_last_error(void) noexcept { return last_error.c_str(); }
