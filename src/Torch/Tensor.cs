using System.Runtime.InteropServices;
using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>
/// A libtorch tensor. Its native memory is freed by <see cref="Dispose"/>, by the dispose scope
/// it was created in, or — as a last resort — by the finalizer of its handle.
/// Methods follow PyTorch/TorchSharp names (<c>view</c>, <c>add_</c>, <c>shape</c>).
/// </summary>
public partial class Tensor : IDisposable
{
    private TensorHandle handle;

    internal Tensor(IntPtr native)
    {
        if (native == IntPtr.Zero) throw new ArgumentException("native tensor handle is null", nameof(native));
        handle = new TensorHandle(native);
        DisposeScope.Register(this);
    }

    /// <summary>
    /// Takes over <paramref name="source"/>'s native tensor, leaving <paramref name="source"/> disposed.
    /// Used by <see cref="Modules.Parameter"/>, which must outlive every dispose scope.
    /// </summary>
    private protected Tensor(Tensor source)
    {
        source.OwningScope?.Remove(source);
        handle = source.handle;
        source.handle = new TensorHandle(IntPtr.Zero, counted: false);
        source.handle.Dispose();
    }

    /// <summary>
    /// Points this object at another native tensor (taking it over from <paramref name="replacement"/>)
    /// and frees the old one. Modules use it to move parameters between devices, types and layouts
    /// while optimizers keep referring to the same objects.
    /// </summary>
    internal void ReplaceWith(Tensor replacement)
    {
        if (ReferenceEquals(replacement, this)) return;
        replacement.OwningScope?.Remove(replacement);
        var old = handle;
        handle = replacement.handle;
        replacement.handle = new TensorHandle(IntPtr.Zero, counted: false);
        replacement.handle.Dispose();
        old.Dispose();
    }

    internal DisposeScope? OwningScope { get; set; }

    /// <summary>The native at::Tensor*; throws once the tensor is disposed.</summary>
    public IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle.DangerousGetHandle();
        }
    }

    /// <summary>True once the native tensor has been freed.</summary>
    public bool IsDisposed => handle.IsClosed;

    /// <summary>Frees the native tensor now. Safe to call more than once.</summary>
    public void Dispose()
    {
        OwningScope?.Remove(this);
        handle.Dispose();
    }

    // Every wrapper passes its operands here after the native call: that keeps them reachable
    // (so no finalizer frees them mid-call) and turns a failure into a TorchException.
    internal static Tensor Wrap(int status, IntPtr result, object? keep1 = null, object? keep2 = null, object? keep3 = null)
    {
        GC.KeepAlive(keep1);
        GC.KeepAlive(keep2);
        GC.KeepAlive(keep3);
        Check(status);
        return new Tensor(result);
    }

    internal static Tensor? WrapOptional(int status, IntPtr result, object? keep = null)
    {
        GC.KeepAlive(keep);
        Check(status);
        return result == IntPtr.Zero ? null : new Tensor(result);
    }

    internal static void Done(int status, object? keep1 = null, object? keep2 = null, object? keep3 = null)
    {
        GC.KeepAlive(keep1);
        GC.KeepAlive(keep2);
        GC.KeepAlive(keep3);
        Check(status);
    }

    internal static IntPtr HandleOf(Tensor? tensor) => tensor?.Handle ?? IntPtr.Zero;

    /// <summary>Takes this tensor out of its dispose scope and gives it to the enclosing one (or to the caller if none).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var scope = OwningScope;
        if (scope is null) return this;
        scope.Remove(this);
        scope.Outer?.Adopt(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope: the caller owns it now.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Remove(this);
        return this;
    }

    /// <summary>Number of dimensions.</summary>
    public long dim()
    {
        Done(mz_tensor_dim(Handle, out var value), this);
        return value;
    }

    /// <summary>Sizes of every dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            var sizes = new long[dim()];
            fixed (long* p = sizes) Done(mz_tensor_shape(Handle, p, sizes.Length), this);
            return sizes;
        }
    }

    /// <summary>Element strides of every dimension.</summary>
    public unsafe long[] stride()
    {
        var strides = new long[dim()];
        fixed (long* p = strides) Done(mz_tensor_strides(Handle, p, strides.Length), this);
        return strides;
    }

    /// <summary>Size of one dimension (negative counts from the end).</summary>
    public long size(int dimension)
    {
        var sizes = shape;
        var d = dimension < 0 ? sizes.Length + dimension : dimension;
        if (d < 0 || d >= sizes.Length)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"Dimension out of range (expected to be in range of [{-sizes.Length}, {sizes.Length - 1}], but got {dimension})");
        return sizes[d];
    }

    /// <summary>Number of elements.</summary>
    public long numel()
    {
        Done(mz_tensor_numel(Handle, out var value), this);
        return value;
    }

    /// <summary>Element type.</summary>
    public ScalarType dtype
    {
        get
        {
            Done(mz_tensor_dtype(Handle, out var value), this);
            return (ScalarType)value;
        }
    }

    /// <summary>The device the tensor lives on.</summary>
    public Device device
    {
        get
        {
            Done(mz_tensor_device(Handle, out var type, out var index), this);
            return type == 0 ? Device.CPU : new Device((DeviceType)type, index);
        }
    }

    /// <summary>Whether the elements are laid out densely in the given format.</summary>
    public bool is_contiguous(MemoryFormat format = MemoryFormat.Contiguous)
    {
        Done(mz_tensor_is_contiguous(Handle, (int)format, out var value), this);
        return value != 0;
    }

    /// <summary>
    /// The layout libtorch's kernels will choose for this tensor, read from its strides, as PyTorch's
    /// <c>suggest_memory_format()</c>. Unlike <see cref="is_contiguous"/> it is never both: where sizes of 1
    /// make the layouts coincide, the strides decide.
    /// </summary>
    public MemoryFormat suggest_memory_format()
    {
        Done(mz_tensor_suggest_memory_format(Handle, out var format), this);
        return (MemoryFormat)format;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(short) ||
            typeof(T) == typeof(byte) || typeof(T) == typeof(bool))
        {
            Done(mz_tensor_item_int64(Handle, out var integer), this);
            if (typeof(T) == typeof(bool)) return (T)(object)(integer != 0);
            return (T)Convert.ChangeType(integer, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        Done(mz_tensor_item_double(Handle, out var value), this);
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)value;
        return (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Copies the elements, row-major, into a new array. T must match <see cref="dtype"/>'s size.</summary>
    public T[] data<T>() where T : unmanaged
    {
        var result = new T[numel()];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies the elements, row-major, into <paramref name="destination"/> (exactly numel elements).</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        CheckElementType<T>();
        var bytes = MemoryMarshal.AsBytes(destination);
        fixed (byte* p = bytes) Done(mz_tensor_copy_to(Handle, p, bytes.Length), this);
    }

    /// <summary>Overwrites the elements with <paramref name="source"/> (row-major, exactly numel elements).</summary>
    public unsafe void CopyFrom<T>(ReadOnlySpan<T> source) where T : unmanaged
    {
        CheckElementType<T>();
        var bytes = MemoryMarshal.AsBytes(source);
        fixed (byte* p = bytes) Done(mz_tensor_copy_from(Handle, p, bytes.Length), this);
    }

    /// <summary>The raw element bytes, row-major, little-endian (for serialization).</summary>
    public unsafe byte[] bytes()
    {
        var result = new byte[numel() * dtype.ElementSize()];
        fixed (byte* p = result) Done(mz_tensor_copy_to(Handle, p, result.Length), this);
        return result;
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        var type = dtype;
        if (type.ElementSize() != System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
            throw new ArgumentException($"a {type.TorchName()} tensor cannot be read as {typeof(T).Name}");
    }

    /// <summary>Moves (or converts) to a device and element type; returns this tensor's data unchanged when nothing changes.</summary>
    public Tensor to(Device target, ScalarType? type = null, bool non_blocking = false, bool copy = false) =>
        Wrap(mz_tensor_to(Handle, (int)target.Type, target.Index, (int)(type ?? dtype), non_blocking ? 1 : 0,
            copy ? 1 : 0, out var r), r, this);

    /// <summary>Converts the element type.</summary>
    public Tensor to(ScalarType type) => Wrap(mz_tensor_to_dtype(Handle, (int)type, out var r), r, this);

    /// <summary>
    /// Lays the elements out in the given memory format with that format's own strides, as PyTorch's
    /// <c>tensor.to(memory_format=...)</c>: unlike <see cref="contiguous"/>, a tensor whose sizes of 1 make
    /// both layouts match (a 1x1 or depthwise conv weight) is still given channels-last strides, which
    /// libtorch's kernels read to choose their layout. Returns this tensor's data when already so.
    /// </summary>
    public Tensor to(MemoryFormat format) =>
        Wrap(mz_tensor_to_memory_format(Handle, (int)format, out var r), r, this);

    /// <summary>On the CPU.</summary>
    public Tensor cpu() => to(Device.CPU);

    /// <summary>On a CUDA device.</summary>
    public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));

    /// <summary>A dense copy in the given layout (or this tensor's data when already so).</summary>
    public Tensor contiguous(MemoryFormat format = MemoryFormat.Contiguous) =>
        Wrap(mz_tensor_contiguous(Handle, (int)format, out var r), r, this);

    /// <summary>A copy with its own storage.</summary>
    public Tensor clone() => Wrap(mz_tensor_clone(Handle, out var r), r, this);

    /// <summary>Another handle to the same tensor (same storage, same autograd identity).</summary>
    public Tensor alias() => Wrap(mz_tensor_alias(Handle, out var r), r, this);

    /// <summary>Copies <paramref name="source"/>'s values into this tensor (broadcasting, converting).</summary>
    public Tensor copy_(Tensor source)
    {
        Done(mz_tensor_copy_(Handle, source.Handle), this, source);
        return this;
    }

    /// <summary>libtorch's rendering of the values.</summary>
    public string ToString(bool values)
    {
        if (!values) return ToString();
        Done(mz_tensor_to_string(Handle, out var text), this);
        try { return Marshal.PtrToStringUTF8(text) ?? ""; }
        finally { mz_string_free(text); }
    }

    /// <summary>Shape, element type and device, e.g. <c>[2, 3] float32 cpu</c>.</summary>
    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"[{string.Join(", ", shape)}] {dtype.TorchName()} {device}";
}
