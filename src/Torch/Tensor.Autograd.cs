using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

public partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor.</summary>
    public bool requires_grad
    {
        get
        {
            Done(mz_tensor_requires_grad(Handle, out var value), this);
            return value != 0;
        }
        set => Done(mz_tensor_set_requires_grad(Handle, value ? 1 : 0), this);
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool is_leaf
    {
        get
        {
            Done(mz_tensor_is_leaf(Handle, out var value), this);
            return value != 0;
        }
    }

    /// <summary>Back-propagates from this tensor; <paramref name="gradient"/> is needed unless it is a scalar.</summary>
    public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false) =>
        Done(mz_backward(Handle, HandleOf(gradient), retain_graph ? 1 : 0, create_graph ? 1 : 0), this, gradient);

    /// <summary>The accumulated gradient (a new handle each time), or null when none. An assigned gradient must match in shape, dtype and device.</summary>
    public Tensor? grad
    {
        get => WrapOptional(mz_tensor_grad(Handle, out var r), r, this);
        set => Done(mz_tensor_set_grad(Handle, HandleOf(value)), this, value);
    }

    /// <summary>A tensor sharing this one's data but outside the autograd graph.</summary>
    public Tensor detach() => Wrap(mz_tensor_detach(Handle, out var r), r, this);

    /// <summary>Takes this tensor out of the autograd graph in place.</summary>
    public Tensor detach_()
    {
        Done(mz_tensor_detach_(Handle), this);
        return this;
    }
}
