using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>How a loss is reduced over the batch.</summary>
public enum Reduction
{
    /// <summary>One value per element.</summary>
    None = 0,
    /// <summary>The mean.</summary>
    Mean = 1,
    /// <summary>The sum.</summary>
    Sum = 2,
}

/// <summary>Interpolation modes of <c>torch.nn.functional.interpolate</c>.</summary>
public enum InterpolationMode
{
    /// <summary>Nearest neighbour.</summary>
    Nearest = 0,
    /// <summary>Bilinear.</summary>
    Bilinear = 1,
}

/// <summary>Padding modes of <c>torch.nn.functional.pad</c>.</summary>
public enum PaddingMode
{
    /// <summary>A constant value.</summary>
    Constant = 0,
    /// <summary>Mirror without repeating the edge.</summary>
    Reflect = 1,
    /// <summary>Repeat the edge.</summary>
    Replicate = 2,
}

public static partial class torch
{
    /// <summary>Neural-network building blocks.</summary>
    public static partial class nn
    {
        /// <summary>torch.nn.functional.</summary>
        public static class functional
        {
            /// <summary>2-D convolution; stride, padding and dilation are (h, w).</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null,
                (long, long)? padding = null, (long, long)? dilation = null, long groups = 1)
            {
                var s = stride ?? (1, 1);
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                long* sp = stackalloc long[] { s.Item1, s.Item2 };
                long* pp = stackalloc long[] { p.Item1, p.Item2 };
                long* dp = stackalloc long[] { d.Item1, d.Item2 };
                return Tensor.Wrap(mz_conv2d(input.Handle, weight.Handle, Tensor.HandleOf(bias), sp, pp, dp, groups, out var r), r, input, weight, bias);
            }

            /// <summary>Batch normalisation; in training mode the running statistics are updated in place.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                var status = mz_batch_norm(input.Handle, Tensor.HandleOf(weight), Tensor.HandleOf(bias), Tensor.HandleOf(running_mean),
                    Tensor.HandleOf(running_var), training ? 1 : 0, momentum, eps, out var r);
                GC.KeepAlive(running_mean);
                GC.KeepAlive(running_var);
                return Tensor.Wrap(status, r, input, weight, bias);
            }

            /// <summary>x Wᵀ + b.</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                Tensor.Wrap(mz_linear(input.Handle, weight.Handle, Tensor.HandleOf(bias), out var r), r, input, weight, bias);

            /// <summary>max(x, 0).</summary>
            public static Tensor relu(Tensor x, bool inplace = false) => inplace ? InPlace(mz_relu_(x.Handle), x) : Tensor.Wrap(mz_relu(x.Handle, out var r), r, x);
            /// <summary>min(max(x, 0), 6).</summary>
            public static Tensor relu6(Tensor x, bool inplace = false) => inplace ? InPlace(mz_relu6_(x.Handle), x) : Tensor.Wrap(mz_relu6(x.Handle, out var r), r, x);
            /// <summary>x · relu6(x + 3) / 6.</summary>
            public static Tensor hardswish(Tensor x, bool inplace = false) => inplace ? InPlace(mz_hardswish_(x.Handle), x) : Tensor.Wrap(mz_hardswish(x.Handle, out var r), r, x);
            /// <summary>relu6(x + 3) / 6.</summary>
            public static Tensor hardsigmoid(Tensor x, bool inplace = false) => inplace ? InPlace(mz_hardsigmoid_(x.Handle), x) : Tensor.Wrap(mz_hardsigmoid(x.Handle, out var r), r, x);
            /// <summary>1 / (1 + e^-x).</summary>
            public static Tensor sigmoid(Tensor x, bool inplace = false) => inplace ? InPlace(mz_sigmoid_(x.Handle), x) : Tensor.Wrap(mz_sigmoid(x.Handle, out var r), r, x);
            /// <summary>x · sigmoid(x).</summary>
            public static Tensor silu(Tensor x, bool inplace = false) => inplace ? InPlace(mz_silu_(x.Handle), x) : Tensor.Wrap(mz_silu(x.Handle, out var r), r, x);
            /// <summary>Hyperbolic tangent.</summary>
            public static Tensor tanh(Tensor x, bool inplace = false) => inplace ? InPlace(mz_tanh_(x.Handle), x) : Tensor.Wrap(mz_tanh(x.Handle, out var r), r, x);

            private static Tensor InPlace(int status, Tensor x)
            {
                Tensor.Done(status, x);
                return x;
            }

            /// <summary>2-D max pooling; stride defaults to the kernel size.</summary>
            public static unsafe Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null,
                (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false)
            {
                var s = stride ?? kernel_size;
                var p = padding ?? (0, 0);
                var d = dilation ?? (1, 1);
                long* kp = stackalloc long[] { kernel_size.Item1, kernel_size.Item2 };
                long* sp = stackalloc long[] { s.Item1, s.Item2 };
                long* pp = stackalloc long[] { p.Item1, p.Item2 };
                long* dp = stackalloc long[] { d.Item1, d.Item2 };
                return Tensor.Wrap(mz_max_pool2d(input.Handle, kp, sp, pp, dp, ceil_mode ? 1 : 0, out var r), r, input);
            }

            /// <summary>2-D average pooling; stride defaults to the kernel size.</summary>
            public static unsafe Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null,
                (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true)
            {
                var s = stride ?? kernel_size;
                var p = padding ?? (0, 0);
                long* kp = stackalloc long[] { kernel_size.Item1, kernel_size.Item2 };
                long* sp = stackalloc long[] { s.Item1, s.Item2 };
                long* pp = stackalloc long[] { p.Item1, p.Item2 };
                return Tensor.Wrap(mz_avg_pool2d(input.Handle, kp, sp, pp, ceil_mode ? 1 : 0, count_include_pad ? 1 : 0, out var r), r, input);
            }

            /// <summary>Average pooling to a fixed output size.</summary>
            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size)
            {
                long* op = stackalloc long[] { output_size.Item1, output_size.Item2 };
                return Tensor.Wrap(mz_adaptive_avg_pool2d(input.Handle, op, out var r), r, input);
            }

            /// <summary>Max pooling to a fixed output size.</summary>
            public static unsafe Tensor adaptive_max_pool2d(Tensor input, (long, long) output_size)
            {
                long* op = stackalloc long[] { output_size.Item1, output_size.Item2 };
                return Tensor.Wrap(mz_adaptive_max_pool2d(input.Handle, op, out var r), r, input);
            }

            /// <summary>Zeroes elements with probability p in training and rescales the rest by 1/(1-p).</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true) =>
                Tensor.Wrap(mz_dropout(input.Handle, p, training ? 1 : 0, out var r), r, input);

            /// <summary>Softmax along a dimension.</summary>
            public static Tensor softmax(Tensor input, long dim) => Tensor.Wrap(mz_softmax(input.Handle, dim, out var r), r, input);

            /// <summary>Log of softmax along a dimension (numerically stable).</summary>
            public static Tensor log_softmax(Tensor input, long dim) => Tensor.Wrap(mz_log_softmax(input.Handle, dim, out var r), r, input);

            /// <summary>Cross-entropy of logits against class indices (int64) or class probabilities.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100, double label_smoothing = 0) =>
                Tensor.Wrap(mz_cross_entropy(input.Handle, target.Handle, Tensor.HandleOf(weight), (int)reduction, ignore_index, label_smoothing, out var r),
                    r, input, target, weight);

            /// <summary>Negative log-likelihood of log-probabilities against class indices.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) =>
                Tensor.Wrap(mz_nll_loss(input.Handle, target.Handle, Tensor.HandleOf(weight), (int)reduction, ignore_index, out var r), r, input, target, weight);

            /// <summary>Resizes NCHW images to (h, w); align_corners and antialias apply to bilinear only.</summary>
            public static unsafe Tensor interpolate(Tensor input, (long, long) size, InterpolationMode mode = InterpolationMode.Nearest,
                bool align_corners = false, bool antialias = false)
            {
                long* sp = stackalloc long[] { size.Item1, size.Item2 };
                return Tensor.Wrap(mz_interpolate(input.Handle, sp, (int)mode, align_corners ? 1 : 0, antialias ? 1 : 0, out var r), r, input);
            }

            /// <summary>Pads the last dimensions: (left, right, top, bottom, ...).</summary>
            public static unsafe Tensor pad(Tensor input, long[] pad, PaddingMode mode = PaddingMode.Constant, double value = 0)
            {
                fixed (long* p = pad) return Tensor.Wrap(mz_pad(input.Handle, p, pad.Length, (int)mode, value, out var r), r, input);
            }

            /// <summary>One-hot encoding of int64 labels.</summary>
            public static Tensor one_hot(Tensor labels, long num_classes = -1) =>
                Tensor.Wrap(mz_one_hot(labels.Handle, num_classes, out var r), r, labels);
        }
    }
}
