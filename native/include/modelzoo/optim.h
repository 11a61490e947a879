/* Multi-tensor optimizer updates: one call updates every parameter of a group
   in place with libtorch's _foreach_* kernels (the algorithm of PyTorch 1.13's
   _multi_tensor_adam / _multi_tensor_sgd), instead of one call per parameter
   and operation. All arrays hold n tensors, parameter i at index i. */
#pragma once

/* Adam (decoupled = 0, L2 weight decay) or AdamW (decoupled = 1). step is the
   1-based step number used for the bias corrections. */
MZ_API int mz_optim_adam_(mz_tensor* params, mz_tensor* grads, mz_tensor* exp_avgs, mz_tensor* exp_avg_sqs, int64_t n,
                          double lr, double beta1, double beta2, double eps, double weight_decay, int32_t decoupled,
                          int64_t step) MZ_NOEXCEPT;

/* SGD with optional momentum and Nesterov. momentum_buffers may be NULL when
   momentum is 0; first = 1 starts each buffer at the (decayed) gradient, as
   torch.optim.SGD does on its first step. */
MZ_API int mz_optim_sgd_(mz_tensor* params, mz_tensor* grads, mz_tensor* momentum_buffers, int64_t n, double lr,
                         double momentum, double dampening, double weight_decay, int32_t nesterov,
                         int32_t first) MZ_NOEXCEPT;
