/*
 * ModelZoo native ABI: the one public header.
 *
 * Conventions (docs/architecture.md explains them in full):
 *  - every export is noexcept, returns 0 on success and non-zero on failure;
 *    mz_last_error() then returns this thread's message (valid until the next
 *    failing call on the same thread);
 *  - results come back through out-parameters, so "failed" and "undefined
 *    tensor" never share a value: an undefined tensor is a NULL handle;
 *  - arrays cross as pointer + length; a tensor handle is freed exactly once,
 *    with mz_tensor_free.
 */
#ifndef MODELZOO_H
#define MODELZOO_H

#include <stdint.h>

#ifdef __cplusplus
#define MZ_EXTERN_C extern "C"
#define MZ_NOEXCEPT noexcept
#else
#define MZ_EXTERN_C
#define MZ_NOEXCEPT
#endif
#define MZ_API MZ_EXTERN_C __attribute__((visibility("default")))

typedef struct mz_tensor_opaque* mz_tensor;
typedef struct mz_generator_opaque* mz_generator;
typedef struct mz_guard_opaque* mz_guard;

#include "modelzoo/runtime.h"
#include "modelzoo/tensor.h"
#include "modelzoo/factories.h"
#include "modelzoo/math.h"
#include "modelzoo/shape.h"
#include "modelzoo/nn_functional.h"
#include "modelzoo/autograd.h"
#include "modelzoo/init.h"
#include "modelzoo/optim.h"

#endif
