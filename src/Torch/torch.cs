using System.Runtime.InteropServices;
using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>
/// The entry point, named as in PyTorch and TorchSharp: <c>torch.zeros(...)</c>,
/// <c>torch.nn.functional.conv2d(...)</c>, <c>torch.NewDisposeScope()</c>.
/// </summary>
public static partial class torch
{
    /// <summary>float32.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>float64.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>float16.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>bfloat16.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>int64.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>int32.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>uint8.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary>bool.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>The CPU device.</summary>
    public static Device CPU => Device.CPU;
    /// <summary>The first CUDA device.</summary>
    public static Device CUDA => Device.CUDA;

    /// <summary>The libtorch version ModelZoo's native layer was built against.</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(mz_torch_version()) ?? "unknown";

    /// <summary>libtorch build facts (oneDNN, OpenMP, CUDA).</summary>
    public static string build_info => Marshal.PtrToStringUTF8(mz_build_info()) ?? "";

    /// <summary>Where the native library was loaded from.</summary>
    public static string? native_library_path
    {
        get
        {
            _ = __version__; // forces the load
            return NativeLibraryLoader.LoadedPath;
        }
    }

    /// <summary>Starts a dispose scope: tensors created on this thread until it is disposed are freed with it.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Seeds libtorch's default generators (CPU and CUDA).</summary>
    public static void manual_seed(ulong seed) => Check(mz_manual_seed(seed));

    /// <summary>Sets the intra-op thread count.</summary>
    public static void set_num_threads(int threads) => Check(mz_set_num_threads(threads));

    /// <summary>The intra-op thread count.</summary>
    public static int get_num_threads()
    {
        Check(mz_get_num_threads(out var threads));
        return threads;
    }

    /// <summary>Sets the inter-op thread count (only before any inter-op work started).</summary>
    public static void set_num_interop_threads(int threads) => Check(mz_set_num_interop_threads(threads));

    /// <summary>The default generator's state, for checkpoints.</summary>
    public static Tensor get_rng_state()
    {
        Check(mz_default_generator_get_state(out var state));
        return new Tensor(state);
    }

    /// <summary>Restores the default generator's state.</summary>
    public static void set_rng_state(Tensor state) => Tensor.Done(mz_default_generator_set_state(state.Handle), state);

    /// <summary>CUDA devices.</summary>
    public static class cuda
    {
        /// <summary>True when libtorch was built with CUDA and a device is present.</summary>
        public static bool is_available()
        {
            Check(mz_cuda_is_available(out var value));
            return value != 0;
        }

        /// <summary>Number of CUDA devices.</summary>
        public static int device_count()
        {
            Check(mz_cuda_device_count(out var value));
            return value;
        }

        /// <summary>Waits for every kernel on the device to finish.</summary>
        public static void synchronize(int device = 0) => Check(mz_cuda_synchronize(device));
    }
}
