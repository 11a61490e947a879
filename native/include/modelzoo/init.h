/* Weight initialisation (torch.nn.init), in place, drawing from the default
   generator (seed it with mz_manual_seed).
   mode: 0 fan_in, 1 fan_out. nonlinearity: 0 linear, 1 relu, 2 leaky_relu,
   3 tanh, 4 sigmoid. */
#pragma once

MZ_API int mz_init_kaiming_normal_(mz_tensor t, double a, int32_t mode, int32_t nonlinearity) MZ_NOEXCEPT;
MZ_API int mz_init_kaiming_uniform_(mz_tensor t, double a, int32_t mode, int32_t nonlinearity) MZ_NOEXCEPT;
MZ_API int mz_init_xavier_normal_(mz_tensor t, double gain) MZ_NOEXCEPT;
MZ_API int mz_init_xavier_uniform_(mz_tensor t, double gain) MZ_NOEXCEPT;
MZ_API int mz_init_normal_(mz_tensor t, double mean, double std) MZ_NOEXCEPT;
MZ_API int mz_init_uniform_(mz_tensor t, double low, double high) MZ_NOEXCEPT;
MZ_API int mz_init_constant_(mz_tensor t, double value) MZ_NOEXCEPT;
MZ_API int mz_init_zeros_(mz_tensor t) MZ_NOEXCEPT;
MZ_API int mz_init_ones_(mz_tensor t) MZ_NOEXCEPT;
/* Normal draws redrawn until they fall in [low, high] (timm's trunc_normal_). */
MZ_API int mz_init_trunc_normal_(mz_tensor t, double mean, double std, double low, double high) MZ_NOEXCEPT;
