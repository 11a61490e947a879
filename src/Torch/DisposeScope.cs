namespace ModelZoo.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost scope and disposes
/// them together, so a training step or a batch prediction frees all its intermediates.
/// Results that must survive are moved out with <see cref="Tensor.MoveToOuterDisposeScope"/>
/// or <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The innermost scope on this thread, or null.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope that was current when this one began.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope will dispose.</summary>
    public int Count => tensors.Count;

    internal static void Register(Tensor tensor)
    {
        var scope = current;
        if (scope is null) return;
        scope.tensors.Add(tensor);
        tensor.OwningScope = scope;
    }

    internal void Remove(Tensor tensor)
    {
        tensors.Remove(tensor);
        tensor.OwningScope = null;
    }

    internal void Adopt(Tensor tensor)
    {
        tensors.Add(tensor);
        tensor.OwningScope = this;
    }

    /// <summary>Disposes every tensor still owned by this scope and makes the outer scope current.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var tensor in tensors)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        tensors.Clear();
        // Scopes nest; restore the outer one even if an inner scope was leaked by mistake
        // (still current above this one), so the leaked scope does not swallow later tensors.
        for (var scope = current; scope is not null; scope = scope.Outer)
        {
            if (!ReferenceEquals(scope, this)) continue;
            current = Outer;
            break;
        }
    }
}
