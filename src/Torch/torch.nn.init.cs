using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>Which fan the Kaiming initialisers preserve.</summary>
public enum FanMode
{
    /// <summary>Preserve the forward pass's variance.</summary>
    FanIn = 0,
    /// <summary>Preserve the backward pass's variance.</summary>
    FanOut = 1,
}

/// <summary>The nonlinearity whose gain the initialisers use.</summary>
public enum NonlinearityType
{
    /// <summary>Gain 1.</summary>
    Linear = 0,
    /// <summary>Gain √2.</summary>
    ReLU = 1,
    /// <summary>Gain √(2 / (1 + a²)).</summary>
    LeakyReLU = 2,
    /// <summary>Gain 5/3.</summary>
    Tanh = 3,
    /// <summary>Gain 1.</summary>
    Sigmoid = 4,
}

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>torch.nn.init: in place, drawing from the default generator (seed it with <see cref="manual_seed"/>).</summary>
        public static class init
        {
            /// <summary>He et al. normal initialisation.</summary>
            public static Tensor kaiming_normal_(Tensor t, double a = 0, FanMode mode = FanMode.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                Apply(mz_init_kaiming_normal_(t.Handle, a, (int)mode, (int)nonlinearity), t);
            /// <summary>He et al. uniform initialisation.</summary>
            public static Tensor kaiming_uniform_(Tensor t, double a = 0, FanMode mode = FanMode.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                Apply(mz_init_kaiming_uniform_(t.Handle, a, (int)mode, (int)nonlinearity), t);
            /// <summary>Glorot normal initialisation.</summary>
            public static Tensor xavier_normal_(Tensor t, double gain = 1) => Apply(mz_init_xavier_normal_(t.Handle, gain), t);
            /// <summary>Glorot uniform initialisation.</summary>
            public static Tensor xavier_uniform_(Tensor t, double gain = 1) => Apply(mz_init_xavier_uniform_(t.Handle, gain), t);
            /// <summary>Normal draws.</summary>
            public static Tensor normal_(Tensor t, double mean = 0, double std = 1) => Apply(mz_init_normal_(t.Handle, mean, std), t);
            /// <summary>Uniform draws in [low, high).</summary>
            public static Tensor uniform_(Tensor t, double low = 0, double high = 1) => Apply(mz_init_uniform_(t.Handle, low, high), t);
            /// <summary>Normal draws truncated to [low, high].</summary>
            public static Tensor trunc_normal_(Tensor t, double mean = 0, double std = 1, double low = -2, double high = 2) =>
                Apply(mz_init_trunc_normal_(t.Handle, mean, std, low, high), t);
            /// <summary>Every element set to value.</summary>
            public static Tensor constant_(Tensor t, double value) => Apply(mz_init_constant_(t.Handle, value), t);
            /// <summary>Zeros.</summary>
            public static Tensor zeros_(Tensor t) => Apply(mz_init_zeros_(t.Handle), t);
            /// <summary>Ones.</summary>
            public static Tensor ones_(Tensor t) => Apply(mz_init_ones_(t.Handle), t);

            private static Tensor Apply(int status, Tensor t)
            {
                Tensor.Done(status, t);
                return t;
            }
        }
    }
}
