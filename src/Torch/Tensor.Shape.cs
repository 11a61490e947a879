using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

public partial class Tensor
{
    /// <summary>Same elements in a new shape (a view when possible); one size may be -1.</summary>
    public unsafe Tensor reshape(params long[] sizes)
    {
        fixed (long* p = sizes) return Wrap(mz_reshape(Handle, p, sizes.Length, out var r), r, this);
    }
    /// <summary>A view with a new shape; the layout must allow it.</summary>
    public unsafe Tensor view(params long[] sizes)
    {
        fixed (long* p = sizes) return Wrap(mz_view(Handle, p, sizes.Length, out var r), r, this);
    }
    /// <summary>Reorders the dimensions.</summary>
    public unsafe Tensor permute(params long[] dims)
    {
        fixed (long* p = dims) return Wrap(mz_permute(Handle, p, dims.Length, out var r), r, this);
    }
    /// <summary>Swaps two dimensions.</summary>
    public Tensor transpose(long dim0, long dim1) => Wrap(mz_transpose(Handle, dim0, dim1, out var r), r, this);
    /// <summary>Merges dimensions start..end into one.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => Wrap(mz_flatten(Handle, start_dim, end_dim, out var r), r, this);
    /// <summary>Inserts a dimension of size 1.</summary>
    public Tensor unsqueeze(long dim) => Wrap(mz_unsqueeze(Handle, dim, out var r), r, this);
    /// <summary>Removes a dimension of size 1.</summary>
    public Tensor squeeze(long dim) => Wrap(mz_squeeze(Handle, dim, out var r), r, this);
    /// <summary>A broadcast view with the given sizes (-1 keeps a size).</summary>
    public unsafe Tensor expand(params long[] sizes)
    {
        fixed (long* p = sizes) return Wrap(mz_expand(Handle, p, sizes.Length, out var r), r, this);
    }
    /// <summary>A view of <paramref name="length"/> elements from <paramref name="start"/> along a dimension.</summary>
    public Tensor narrow(long dim, long start, long length) => Wrap(mz_narrow(Handle, dim, start, length, out var r), r, this);
    /// <summary>A strided view of [start, end) along a dimension.</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => Wrap(mz_slice(Handle, dim, start, end, step, out var r), r, this);
    /// <summary>The sub-tensor at one index of a dimension (that dimension removed).</summary>
    public Tensor select(long dim, long index) => Wrap(mz_select(Handle, dim, index, out var r), r, this);
    /// <summary>Elements at the given indices along a dimension.</summary>
    public Tensor index_select(long dim, Tensor index) => Wrap(mz_index_select(Handle, dim, index.Handle, out var r), r, this, index);
    /// <summary>Gathers values along a dimension by an index tensor.</summary>
    public Tensor gather(long dim, Tensor index) => Wrap(mz_gather(Handle, dim, index.Handle, out var r), r, this, index);
    /// <summary>Reverses the given dimensions.</summary>
    public unsafe Tensor flip(params long[] dims)
    {
        fixed (long* p = dims) return Wrap(mz_flip(Handle, p, dims.Length, out var r), r, this);
    }

    /// <summary>Pieces of <paramref name="split_size"/> along a dimension (the last may be smaller).</summary>
    public unsafe Tensor[] split(long split_size, long dim = 0)
    {
        if (split_size <= 0) throw new ArgumentOutOfRangeException(nameof(split_size), split_size, "split size must be positive");
        // An out-of-range dim is left to libtorch, which reports it like chunk and cat do.
        var sizes = shape;
        var d = dim < 0 ? dim + sizes.Length : dim;
        var length = d >= 0 && d < sizes.Length ? sizes[d] : 0;
        var capacity = Math.Max(1, (length + split_size - 1) / split_size);
        var outs = new IntPtr[capacity];
        long count;
        fixed (IntPtr* o = outs) Done(mz_split(Handle, split_size, dim, o, capacity, out count), this);
        return Collect(outs, count);
    }
    /// <summary>Pieces of the given sizes along a dimension.</summary>
    public unsafe Tensor[] split(long[] sizes, long dim = 0)
    {
        var outs = new IntPtr[sizes.Length];
        long count;
        fixed (long* s = sizes)
        fixed (IntPtr* o = outs) Done(mz_split_sizes(Handle, s, sizes.Length, dim, o, outs.Length, out count), this);
        return Collect(outs, count);
    }
    /// <summary>At most <paramref name="chunks"/> equal pieces along a dimension.</summary>
    public unsafe Tensor[] chunk(long chunks, long dim = 0)
    {
        if (chunks <= 0) throw new ArgumentOutOfRangeException(nameof(chunks), chunks, "chunk count must be positive");
        var outs = new IntPtr[chunks];
        long count;
        fixed (IntPtr* o = outs) Done(mz_chunk(Handle, chunks, dim, o, chunks, out count), this);
        return Collect(outs, count);
    }

    private static Tensor[] Collect(IntPtr[] handles, long count)
    {
        var result = new Tensor[count];
        for (var i = 0; i < count; i++) result[i] = new Tensor(handles[i]);
        return result;
    }
}
