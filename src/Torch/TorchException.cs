namespace ModelZoo.Torch;

/// <summary>An error reported by libtorch (or by ModelZoo's native layer), carrying libtorch's message.</summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception with libtorch's message.</summary>
    public TorchException(string message) : base(message) { }
}
