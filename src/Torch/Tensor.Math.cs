using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

public partial class Tensor
{
    /// <summary>this + alpha * other.</summary>
    public Tensor add(Tensor other, double alpha = 1) => Wrap(mz_add(Handle, other.Handle, alpha, out var r), r, this, other);
    /// <summary>In place: this += alpha * other.</summary>
    public Tensor add_(Tensor other, double alpha = 1) { Done(mz_add_(Handle, other.Handle, alpha), this, other); return this; }
    /// <summary>this + scalar.</summary>
    public Tensor add(double scalar) => Wrap(mz_add_scalar(Handle, scalar, out var r), r, this);
    /// <summary>In place: this += scalar.</summary>
    public Tensor add_(double scalar) { Done(mz_add_scalar_(Handle, scalar), this); return this; }
    /// <summary>this - alpha * other.</summary>
    public Tensor sub(Tensor other, double alpha = 1) => Wrap(mz_sub(Handle, other.Handle, alpha, out var r), r, this, other);
    /// <summary>In place: this -= alpha * other.</summary>
    public Tensor sub_(Tensor other, double alpha = 1) { Done(mz_sub_(Handle, other.Handle, alpha), this, other); return this; }
    /// <summary>this - scalar.</summary>
    public Tensor sub(double scalar) => Wrap(mz_sub_scalar(Handle, scalar, out var r), r, this);
    /// <summary>In place: this -= scalar.</summary>
    public Tensor sub_(double scalar) { Done(mz_sub_scalar_(Handle, scalar), this); return this; }
    /// <summary>Elementwise product.</summary>
    public Tensor mul(Tensor other) => Wrap(mz_mul(Handle, other.Handle, out var r), r, this, other);
    /// <summary>In place elementwise product.</summary>
    public Tensor mul_(Tensor other) { Done(mz_mul_(Handle, other.Handle), this, other); return this; }
    /// <summary>this * scalar.</summary>
    public Tensor mul(double scalar) => Wrap(mz_mul_scalar(Handle, scalar, out var r), r, this);
    /// <summary>In place: this *= scalar.</summary>
    public Tensor mul_(double scalar) { Done(mz_mul_scalar_(Handle, scalar), this); return this; }
    /// <summary>Elementwise true division.</summary>
    public Tensor div(Tensor other) => Wrap(mz_div(Handle, other.Handle, out var r), r, this, other);
    /// <summary>In place elementwise division.</summary>
    public Tensor div_(Tensor other) { Done(mz_div_(Handle, other.Handle), this, other); return this; }
    /// <summary>this / scalar.</summary>
    public Tensor div(double scalar) => Wrap(mz_div_scalar(Handle, scalar, out var r), r, this);
    /// <summary>In place: this /= scalar.</summary>
    public Tensor div_(double scalar) { Done(mz_div_scalar_(Handle, scalar), this); return this; }
    /// <summary>Elementwise power.</summary>
    public Tensor pow(Tensor exponent) => Wrap(mz_pow(Handle, exponent.Handle, out var r), r, this, exponent);
    /// <summary>this ** exponent.</summary>
    public Tensor pow(double exponent) => Wrap(mz_pow_scalar(Handle, exponent, out var r), r, this);
    /// <summary>In place: this **= exponent.</summary>
    public Tensor pow_(double exponent) { Done(mz_pow_scalar_(Handle, exponent), this); return this; }
    /// <summary>Elementwise maximum of two tensors.</summary>
    public Tensor maximum(Tensor other) => Wrap(mz_maximum(Handle, other.Handle, out var r), r, this, other);
    /// <summary>Elementwise minimum of two tensors.</summary>
    public Tensor minimum(Tensor other) => Wrap(mz_minimum(Handle, other.Handle, out var r), r, this, other);
    /// <summary>Matrix product (batched, broadcasting).</summary>
    public Tensor matmul(Tensor other) => Wrap(mz_matmul(Handle, other.Handle, out var r), r, this, other);

    /// <summary>-this.</summary>
    public Tensor neg() => Wrap(mz_neg(Handle, out var r), r, this);
    /// <summary>In place negation.</summary>
    public Tensor neg_() { Done(mz_neg_(Handle), this); return this; }
    /// <summary>e ** this.</summary>
    public Tensor exp() => Wrap(mz_exp(Handle, out var r), r, this);
    /// <summary>In place exp.</summary>
    public Tensor exp_() { Done(mz_exp_(Handle), this); return this; }
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => Wrap(mz_log(Handle, out var r), r, this);
    /// <summary>In place log.</summary>
    public Tensor log_() { Done(mz_log_(Handle), this); return this; }
    /// <summary>Square root.</summary>
    public Tensor sqrt() => Wrap(mz_sqrt(Handle, out var r), r, this);
    /// <summary>In place square root.</summary>
    public Tensor sqrt_() { Done(mz_sqrt_(Handle), this); return this; }
    /// <summary>1 / sqrt(this).</summary>
    public Tensor rsqrt() => Wrap(mz_rsqrt(Handle, out var r), r, this);
    /// <summary>Absolute value.</summary>
    public Tensor abs() => Wrap(mz_abs(Handle, out var r), r, this);
    /// <summary>In place absolute value.</summary>
    public Tensor abs_() { Done(mz_abs_(Handle), this); return this; }
    /// <summary>-1, 0 or 1 per element.</summary>
    public Tensor sign() => Wrap(mz_sign(Handle, out var r), r, this);
    /// <summary>Rounds down.</summary>
    public Tensor floor() => Wrap(mz_floor(Handle, out var r), r, this);
    /// <summary>Rounds half to even.</summary>
    public Tensor round() => Wrap(mz_round(Handle, out var r), r, this);
    /// <summary>1 / this.</summary>
    public Tensor reciprocal() => Wrap(mz_reciprocal(Handle, out var r), r, this);

    /// <summary>Limits values to [min, max]; a null bound does not apply.</summary>
    public Tensor clamp(double? min = null, double? max = null) =>
        Wrap(mz_clamp(Handle, min.HasValue ? 1 : 0, min ?? 0, max.HasValue ? 1 : 0, max ?? 0, out var r), r, this);
    /// <summary>In place clamp.</summary>
    public Tensor clamp_(double? min = null, double? max = null)
    {
        Done(mz_clamp_(Handle, min.HasValue ? 1 : 0, min ?? 0, max.HasValue ? 1 : 0, max ?? 0), this);
        return this;
    }

    /// <summary>In place: this += value * a * b.</summary>
    public Tensor addcmul_(Tensor a, Tensor b, double value = 1) { Done(mz_addcmul_(Handle, a.Handle, b.Handle, value), this, a, b); return this; }
    /// <summary>In place: this += value * a / b.</summary>
    public Tensor addcdiv_(Tensor a, Tensor b, double value = 1) { Done(mz_addcdiv_(Handle, a.Handle, b.Handle, value), this, a, b); return this; }
    /// <summary>In place: this += weight * (end - this).</summary>
    public Tensor lerp_(Tensor end, double weight) { Done(mz_lerp_(Handle, end.Handle, weight), this, end); return this; }
    /// <summary>In place: all zeros.</summary>
    public Tensor zero_() { Done(mz_zero_(Handle), this); return this; }
    /// <summary>In place: every element set to value.</summary>
    public Tensor fill_(double value) { Done(mz_fill_(Handle, value), this); return this; }
    /// <summary>In place: normal draws.</summary>
    public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null) { Done(mz_normal_(Handle, mean, std, Generator.HandleOf(generator)), this, generator); return this; }
    /// <summary>In place: uniform draws in [low, high).</summary>
    public Tensor uniform_(double low = 0, double high = 1, Generator? generator = null) { Done(mz_uniform_(Handle, low, high, Generator.HandleOf(generator)), this, generator); return this; }
    /// <summary>In place: 1 with probability p, else 0.</summary>
    public Tensor bernoulli_(double p, Generator? generator = null) { Done(mz_bernoulli_(Handle, p, Generator.HandleOf(generator)), this, generator); return this; }

    /// <summary>Sum over the given dimensions (all when none).</summary>
    public unsafe Tensor sum(long[]? dims = null, bool keepdim = false, ScalarType? type = null)
    {
        dims ??= [];
        fixed (long* p = dims) return Wrap(mz_sum(Handle, p, dims.Length, keepdim ? 1 : 0, type.HasValue ? (int)type.Value : -1, out var r), r, this);
    }
    /// <summary>Sum over one dimension.</summary>
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    /// <summary>Mean over the given dimensions (all when none).</summary>
    public unsafe Tensor mean(long[]? dims = null, bool keepdim = false)
    {
        dims ??= [];
        fixed (long* p = dims) return Wrap(mz_mean(Handle, p, dims.Length, keepdim ? 1 : 0, out var r), r, this);
    }
    /// <summary>Mean over one dimension.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

    /// <summary>Largest element.</summary>
    public Tensor max() => Wrap(mz_max_all(Handle, out var r), r, this);
    /// <summary>Smallest element.</summary>
    public Tensor min() => Wrap(mz_min_all(Handle, out var r), r, this);
    /// <summary>Largest values along a dimension and where they are.</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
    {
        Done(mz_max_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (new Tensor(v), new Tensor(i));
    }
    /// <summary>Smallest values along a dimension and where they are.</summary>
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
    {
        Done(mz_min_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (new Tensor(v), new Tensor(i));
    }
    /// <summary>Index of the largest element (flattened when dim is null).</summary>
    public Tensor argmax(long? dim = null, bool keepdim = false) =>
        Wrap(mz_argmax(Handle, dim.HasValue ? 1 : 0, dim ?? 0, keepdim ? 1 : 0, out var r), r, this);
    /// <summary>The k largest (or smallest) values along a dimension.</summary>
    public (Tensor values, Tensor indexes) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Done(mz_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var v, out var i), this);
        return (new Tensor(v), new Tensor(i));
    }
    /// <summary>Sorted values along a dimension and their original positions.</summary>
    public (Tensor values, Tensor indexes) sort(long dim = -1, bool descending = false)
    {
        Done(mz_sort(Handle, dim, descending ? 1 : 0, out var v, out var i), this);
        return (new Tensor(v), new Tensor(i));
    }
    /// <summary>True when no element is NaN or infinite.</summary>
    public bool all_finite()
    {
        Done(mz_all_finite(Handle, out var value), this);
        return value != 0;
    }
    /// <summary>max |this - other|, computed in float64.</summary>
    public double max_abs_diff(Tensor other)
    {
        Done(mz_max_abs_diff(Handle, other.Handle, out var value), this, other);
        return value;
    }

    private Tensor Compare(Tensor other, int op) => Wrap(mz_compare(Handle, other.Handle, op, out var r), r, this, other);
    private Tensor Compare(double other, int op) => Wrap(mz_compare_scalar(Handle, other, op, out var r), r, this);
    /// <summary>Elementwise ==.</summary>
    public Tensor eq(Tensor other) => Compare(other, 0);
    /// <summary>Elementwise == scalar.</summary>
    public Tensor eq(double other) => Compare(other, 0);
    /// <summary>Elementwise !=.</summary>
    public Tensor ne(Tensor other) => Compare(other, 1);
    /// <summary>Elementwise != scalar.</summary>
    public Tensor ne(double other) => Compare(other, 1);
    /// <summary>Elementwise &gt;.</summary>
    public Tensor gt(Tensor other) => Compare(other, 2);
    /// <summary>Elementwise &gt; scalar.</summary>
    public Tensor gt(double other) => Compare(other, 2);
    /// <summary>Elementwise &gt;=.</summary>
    public Tensor ge(Tensor other) => Compare(other, 3);
    /// <summary>Elementwise &gt;= scalar.</summary>
    public Tensor ge(double other) => Compare(other, 3);
    /// <summary>Elementwise &lt;.</summary>
    public Tensor lt(Tensor other) => Compare(other, 4);
    /// <summary>Elementwise &lt; scalar.</summary>
    public Tensor lt(double other) => Compare(other, 4);
    /// <summary>Elementwise &lt;=.</summary>
    public Tensor le(Tensor other) => Compare(other, 5);
    /// <summary>Elementwise &lt;= scalar.</summary>
    public Tensor le(double other) => Compare(other, 5);

    /// <summary>this + other.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    /// <summary>this + scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    /// <summary>scalar + this.</summary>
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    /// <summary>this - other.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    /// <summary>this - scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    /// <summary>scalar - this.</summary>
    public static Tensor operator -(double a, Tensor b)
    {
        using var negated = b.neg();
        return negated.add(a);
    }
    /// <summary>-this.</summary>
    public static Tensor operator -(Tensor a) => a.neg();
    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    /// <summary>this * scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    /// <summary>scalar * this.</summary>
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    /// <summary>Elementwise division.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    /// <summary>this / scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => a.div(b);
}
