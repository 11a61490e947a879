// The one libstdc++ symbol that TorchSharp 0.107's libLibTorchSharp.so needs from GLIBCXX_3.4.32 (GCC 13).
// GCC 13 added std::ios_base_library_init() so that every object using <iostream> initialises the standard
// streams through one call; older libstdc++ does the same in the constructor of std::ios_base::Init, which a
// static object of that type runs. Built only where the system libstdc++ lacks the symbol (Debian 12: 3.4.30).
#include <ios>

namespace std {
void ios_base_library_init() {
    static ios_base::Init init;
}
}  // namespace std
