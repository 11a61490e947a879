using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

public static partial class torch
{
    /// <summary>A CPU tensor holding a copy of <paramref name="data"/> in the given shape.</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        if (shape.Length == 0) shape = [data.Length];
        long count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"negative dimension {s} in shape [{string.Join(", ", shape)}]", nameof(shape));
            count *= s;
        }
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] needs {count} elements but {data.Length} were given", nameof(shape));
        fixed (T* d = data)
        fixed (long* p = shape)
            return Tensor.Wrap(mz_tensor_from_data(d, (int)ScalarTypes.Of<T>(), p, shape.Length, out var r), r);
    }

    /// <summary>A CPU tensor of <paramref name="dtype"/> from raw row-major little-endian bytes (for deserialization).</summary>
    public static unsafe Tensor frombuffer(ReadOnlySpan<byte> data, ScalarType dtype, params long[] shape)
    {
        long count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"negative dimension {s} in shape [{string.Join(", ", shape)}]", nameof(shape));
            count = checked(count * s);
        }
        if (checked(count * dtype.ElementSize()) != data.Length)
            throw new ArgumentException($"a {dtype.TorchName()} tensor of shape [{string.Join(", ", shape)}] needs {count * dtype.ElementSize()} bytes but {data.Length} were given");
        fixed (byte* d = data)
        fixed (long* p = shape)
            return Tensor.Wrap(mz_tensor_from_data(d, (int)dtype, p, shape.Length, out var r), r);
    }

    /// <summary>A CPU tensor holding a copy of <paramref name="data"/> in the given shape.</summary>
    public static Tensor tensor<T>(T[] data, params long[] shape) where T : unmanaged => tensor<T>(data.AsSpan(), shape);

    /// <summary>A 0-dimensional tensor.</summary>
    public static unsafe Tensor scalar_tensor(double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        device ??= Device.CPU;
        return Tensor.Wrap(mz_full(null, 0, value, (int)dtype, (int)device.Type, device.Index, out var r), r);
    }

    /// <summary>Uninitialised values.</summary>
    public static unsafe Tensor empty(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        device ??= Device.CPU;
        fixed (long* p = shape) return Tensor.Wrap(mz_empty(p, shape.Length, (int)dtype, (int)device.Type, device.Index, out var r), r);
    }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        device ??= Device.CPU;
        fixed (long* p = shape) return Tensor.Wrap(mz_full(p, shape.Length, value, (int)dtype, (int)device.Type, device.Index, out var r), r);
    }

    /// <summary>Zeros.</summary>
    public static Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null) => full(shape, 0, dtype, device);
    /// <summary>Ones.</summary>
    public static Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null) => full(shape, 1, dtype, device);
    /// <summary>Zeros shaped like <paramref name="like"/>.</summary>
    public static Tensor zeros_like(Tensor like) => full(like.shape, 0, like.dtype, like.device);
    /// <summary>Ones shaped like <paramref name="like"/>.</summary>
    public static Tensor ones_like(Tensor like) => full(like.shape, 1, like.dtype, like.device);

    /// <summary>start, start + step, ... up to but excluding end.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        device ??= Device.CPU;
        return Tensor.Wrap(mz_arange(start, end, step, (int)dtype, (int)device.Type, device.Index, out var r), r);
    }

    /// <summary>0, 1, ... end - 1.</summary>
    public static Tensor arange(long end, ScalarType dtype = ScalarType.Int64, Device? device = null) => arange(0, end, 1, dtype, device);

    /// <summary>Uniform draws in [0, 1).</summary>
    public static unsafe Tensor rand(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        device ??= Device.CPU;
        fixed (long* p = shape)
            return Tensor.Wrap(mz_rand(p, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)device.Type, device.Index, out var r), r, generator);
    }

    /// <summary>Standard normal draws.</summary>
    public static unsafe Tensor randn(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        device ??= Device.CPU;
        fixed (long* p = shape)
            return Tensor.Wrap(mz_randn(p, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)device.Type, device.Index, out var r), r, generator);
    }

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        device ??= Device.CPU;
        fixed (long* p = shape)
            return Tensor.Wrap(mz_randint(low, high, p, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)device.Type, device.Index, out var r), r, generator);
    }

    /// <summary>A random permutation of 0..n-1.</summary>
    public static Tensor randperm(long n, Generator? generator = null, Device? device = null)
    {
        device ??= Device.CPU;
        return Tensor.Wrap(mz_randperm(n, Generator.HandleOf(generator), (int)device.Type, device.Index, out var r), r, generator);
    }

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        fixed (IntPtr* h = handles) return Tensor.Wrap(mz_cat(h, handles.Length, dim, out var r), r, tensors);
    }

    /// <summary>Joins tensors along a new dimension.</summary>
    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        fixed (IntPtr* h = handles) return Tensor.Wrap(mz_stack(h, handles.Length, dim, out var r), r, tensors);
    }

    /// <summary>Elements of <paramref name="a"/> where <paramref name="condition"/> holds, else of <paramref name="b"/>.</summary>
    public static Tensor where(Tensor condition, Tensor a, Tensor b) =>
        Tensor.Wrap(mz_where(condition.Handle, a.Handle, b.Handle, out var r), r, condition, a, b);

    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle;
        return handles;
    }
}
