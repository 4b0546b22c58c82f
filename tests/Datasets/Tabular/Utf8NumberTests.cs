using HybridSgd.Datasets.Tabular.Text.Utf8;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>The digits-only shortcut of the byte parsers: taken only where the general parse would give the same value.</summary>
public sealed class Utf8NumberTests
{
    [Theory]
    [InlineData("0,1", 0, 0f, 1)]
    [InlineData("255,0", 0, 255f, 3)]
    [InlineData("1,2,37", 4, 37f, 6)]
    [InlineData("9999999", 0, 9_999_999f, 7)]
    [InlineData("0042,x", 0, 42f, 4)]
    public void TryDigits_OneToSevenDigitsEndedBySeparatorOrLine_GivesWhatTryParseGives(string line, int start, float expected, int end)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(line);

        Assert.True(Utf8Number.TryDigits(bytes, start, (byte)',', out float value, out int fieldEnd));

        Assert.Equal(expected, value);
        Assert.Equal(end, fieldEnd);
        Assert.True(Utf8Number.TryParse(bytes.AsSpan(start, fieldEnd - start), out float parsed));
        Assert.Equal(parsed, value);
    }

    [Theory]
    [InlineData("12345678,1")] // eight digits: beyond the shortcut, the general parse takes it
    [InlineData(",1")] // empty: missing, not a number
    [InlineData("-3,1")]
    [InlineData("+3,1")]
    [InlineData("3.5,1")]
    [InlineData("3e2,1")]
    [InlineData(" 3,1")]
    [InlineData("3 ,1")]
    [InlineData("3x,1")]
    public void TryDigits_AnyOtherField_IsLeftToTheGeneralParse(string line)
    {
        Assert.False(Utf8Number.TryDigits(System.Text.Encoding.ASCII.GetBytes(line), 0, (byte)',', out _, out _));
    }
}
