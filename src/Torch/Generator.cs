using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

/// <summary>A seedable CPU random generator (torch.Generator) for reproducible draws.</summary>
public sealed class Generator : IDisposable
{
    private IntPtr handle;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed)
    {
        Check(mz_generator_new(seed, out handle));
    }

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    public Generator manual_seed(ulong seed)
    {
        Check(mz_generator_manual_seed(Handle, seed));
        return this;
    }

    /// <summary>The full generator state (a uint8 tensor), for checkpoints.</summary>
    public Tensor get_state()
    {
        Check(mz_generator_get_state(Handle, out var state));
        return new Tensor(state);
    }

    /// <summary>Restores a state taken with <see cref="get_state"/>.</summary>
    public void set_state(Tensor state) => Tensor.Done(mz_generator_set_state(Handle, state.Handle), state);

    internal IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Generator));

    internal static IntPtr HandleOf(Generator? generator) => generator?.Handle ?? IntPtr.Zero;

    /// <summary>Frees the native generator.</summary>
    public void Dispose()
    {
        if (handle == IntPtr.Zero) return;
        mz_generator_free(handle);
        handle = IntPtr.Zero;
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native generator if it was never disposed.</summary>
    ~Generator() => Dispose();
}
