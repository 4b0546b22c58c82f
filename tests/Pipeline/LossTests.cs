using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The binary and regression losses: values, gradients against central differences, and no overflow.</summary>
public sealed class LossTests
{
    public static TheoryData<string, float, float> Cases => new()
    {
        { "logistic", 0.3f, 1f },
        { "logistic", -2.5f, 1f },
        { "logistic", 1.7f, 0f },
        { "logistic", -0.2f, 0f },
        { "squared", 0.3f, 2.5f },
        { "squared", -4f, 1f },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Gradient_MatchesCentralDifference(string name, float score, float label)
    {
        ILoss loss = name == "logistic" ? new LogisticLoss() : new SquaredLoss();
        var gradient = new float[1];
        var scratch = new float[1];
        loss.Evaluate([score], label, gradient);

        const float h = 1e-3f;
        double numeric = (loss.Evaluate([score + h], label, scratch) - loss.Evaluate([score - h], label, scratch)) / (2.0 * h);

        Assert.Equal(numeric, gradient[0], 2e-3);
    }

    [Fact]
    public void Logistic_Value_IsTheBinaryLogLoss()
    {
        var loss = new LogisticLoss();
        var gradient = new float[1];
        float p = 1f / (1f + MathF.Exp(-0.8f));

        Assert.Equal(-Math.Log(p), loss.Evaluate([0.8f], 1f, gradient), 5);
        Assert.Equal(-Math.Log(1 - p), loss.Evaluate([0.8f], 0f, gradient), 5);
        Assert.Equal(p - 0f, gradient[0], 5);
    }

    [Theory]
    [InlineData(100f, 0f, 100.0)]
    [InlineData(-100f, 1f, 100.0)]
    [InlineData(100f, 1f, 0.0)]
    public void Logistic_LargeScores_StayFinite(float score, float label, double expectedLoss)
    {
        var loss = new LogisticLoss();
        var gradient = new float[1];
        var prediction = new float[1];

        float value = loss.Evaluate([score], label, gradient);
        loss.Predict([score], prediction);

        Assert.Equal(expectedLoss, value, 3);
        Assert.True(float.IsFinite(gradient[0]) && MathF.Abs(gradient[0]) <= 1f);
        Assert.InRange(prediction[0], 0f, 1f);
    }

    [Fact]
    public void Squared_Value_IsHalfTheSquaredError_AndPredictsTheScore()
    {
        var loss = new SquaredLoss();
        var gradient = new float[1];
        var prediction = new float[1];

        Assert.Equal(0.5f * 9f, loss.Evaluate([4f], 1f, gradient));
        Assert.Equal(3f, gradient[0]);
        loss.Predict([4f], prediction);
        Assert.Equal(4f, prediction[0]);
    }
}
