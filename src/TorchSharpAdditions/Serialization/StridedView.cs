namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// Turns a strided view into a storage (as <c>torch.save</c> keeps it: offset, sizes and strides in
/// elements) into its elements in row-major order, after checking that every element it reaches lies
/// inside the storage.
/// </summary>
internal static class StridedView
{
    /// <summary>The elements <paramref name="tensor"/> selects from <paramref name="storage"/>, in row-major order.</summary>
    /// <param name="name">The tensor's state-dict key, for messages.</param>
    /// <param name="tensor">Offset, sizes and strides, all untrusted.</param>
    /// <param name="storage">The storage's bytes, already checked to match its declared element count.</param>
    /// <param name="storageIsSpare">
    /// No other tensor will read <paramref name="storage"/>, so when the view is all of it in row-major
    /// order (the usual case) the array itself is returned instead of a copy.
    /// </param>
    /// <exception cref="FormatProblemException">The view is malformed or reaches outside the storage.</exception>
    public static byte[] ToRowMajor(string name, TensorReference tensor, byte[] storage, bool storageIsSpare)
    {
        int elementSize = tensor.Storage.ElementType.StoredElementSize();
        long storageElements = storage.Length / elementSize;
        long elementCount = CheckedElementCount(name, tensor);
        CheckWithinStorage(name, tensor, storageElements, elementSize);

        // Overlapping views (stride 0 from expand) could otherwise turn a few stored bytes into an
        // allocation of any size; state dicts do not contain them.
        if (elementCount > storageElements)
            throw new FormatProblemException($"tensor '{name}' has {elementCount} elements but storage {tensor.Storage.Key} holds only {storageElements}; overlapping (expanded) views are not supported");

        if (storageIsSpare && elementCount > 0 && elementCount == storageElements && tensor.StorageOffset == 0 && IsRowMajor(tensor))
            return storage;
        var result = new byte[elementCount * elementSize];
        if (elementCount > 0)
            CopyRows(tensor, storage, elementSize, result);
        return result;
    }

    private static long CheckedElementCount(string name, TensorReference tensor)
    {
        if (tensor.Size.Length != tensor.Stride.Length)
            throw new FormatProblemException($"tensor '{name}' has {tensor.Size.Length} sizes but {tensor.Stride.Length} strides");
        if (tensor.StorageOffset < 0 || Array.Exists(tensor.Stride, stride => stride < 0))
            throw new FormatProblemException($"tensor '{name}' has a negative storage offset or stride");
        if (!TensorLayout.TryElementCount(tensor.Size, out long count))
            throw new FormatProblemException($"tensor '{name}' has shape [{string.Join(", ", tensor.Size)}], which is negative or too large");
        return count;
    }

    private static void CheckWithinStorage(string name, TensorReference tensor, long storageElements, int elementSize)
    {
        // The last element reached is offset + sum((size - 1) * stride); an empty tensor reaches none.
        long span = 0;
        bool representable = true;
        for (int i = 0; i < tensor.Size.Length && representable; i++)
        {
            if (tensor.Size[i] == 0)
                return;
            representable = TensorLayout.TryMultiply(tensor.Size[i] - 1, tensor.Stride[i], out long reach)
                && long.MaxValue - span >= reach;
            span += reach;
        }
        representable = representable && long.MaxValue - tensor.StorageOffset > span;
        if (!representable || tensor.StorageOffset + span >= storageElements)
        {
            string needed = representable ? $"{(Int128)(span + 1) * elementSize}" : "more than 2^63";
            throw new FormatProblemException($"tensor '{name}' needs {needed} bytes at offset {(Int128)tensor.StorageOffset * elementSize} but storage {tensor.Storage.Key} holds {storageElements * elementSize}");
        }
    }

    private static bool IsRowMajor(TensorReference tensor)
    {
        long[] rowMajor = TensorLayout.RowMajorStrides(tensor.Size);
        // Strides of size-1 dimensions never move to another element, so any value is row-major.
        for (int i = 0; i < rowMajor.Length; i++)
            if (tensor.Size[i] != 1 && tensor.Stride[i] != rowMajor[i])
                return false;
        return true;
    }

    private static void CopyRows(TensorReference tensor, byte[] storage, int elementSize, byte[] result)
    {
        // A 0-dim tensor is one row of one element.
        long[] size = tensor.Size.Length == 0 ? [1] : tensor.Size;
        long[] stride = tensor.Stride.Length == 0 ? [1] : tensor.Stride;
        int rank = size.Length;
        long rowLength = size[rank - 1];
        long rowStride = stride[rank - 1];
        int rowBytes = checked((int)(rowLength * elementSize));
        long rowCount = result.Length / rowBytes;

        var index = new long[rank - 1];
        long rowStart = tensor.StorageOffset;
        for (long row = 0; row < rowCount; row++)
        {
            Span<byte> destination = result.AsSpan(checked((int)(row * rowBytes)), rowBytes);
            if (rowStride == 1)
                storage.AsSpan(checked((int)(rowStart * elementSize)), rowBytes).CopyTo(destination);
            else
                for (long column = 0; column < rowLength; column++)
                    storage.AsSpan(checked((int)((rowStart + column * rowStride) * elementSize)), elementSize)
                        .CopyTo(destination.Slice(checked((int)(column * elementSize)), elementSize));

            // Odometer over the outer dimensions, last one fastest.
            for (int d = rank - 2; d >= 0; d--)
            {
                rowStart += stride[d];
                if (++index[d] < size[d])
                    break;
                rowStart -= stride[d] * size[d];
                index[d] = 0;
            }
        }
    }
}
