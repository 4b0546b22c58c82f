using HybridSgd.Embedding;
using HybridSgd.Pipeline.Data;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Embedding;

public sealed class ExampleInboxTests
{
    private static ExampleInbox Inbox(int capacity, ChannelFull full, LearningTask task = LearningTask.Multiclass) =>
        new(new HybridSgdOptions { FeatureCount = 2, ClassCount = 3, Task = task, Capacity = capacity, FullMode = full });

    [Fact]
    public async Task DropOldest_FullChannel_DropsAndCountsTheOldest_KeepsTheNewest()
    {
        var inbox = Inbox(capacity: 4, ChannelFull.DropOldest);

        for (int i = 0; i < 10; i++)
        {
            Assert.True(inbox.TryWrite([i, -i], i % 3));
        }

        Assert.Equal(10, inbox.Accepted);
        Assert.Equal(6, inbox.Dropped);
        var kept = new List<float>();
        while (inbox.TryTake(out var example))
        {
            kept.Add(example.Features[0]);
            inbox.Release(example);
        }

        Assert.Equal([6f, 7f, 8f, 9f], kept);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Wait_FullChannel_RefusesTryWrite_AndWriteAsyncWaitsForRoom()
    {
        var inbox = Inbox(capacity: 2, ChannelFull.Wait);
        Assert.True(inbox.TryWrite([1, 1], 0));
        Assert.True(inbox.TryWrite([2, 2], 1));

        Assert.False(inbox.TryWrite([3, 3], 2));
        var waiting = inbox.WriteAsync([4f, 4f], 2).AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.True(inbox.TryTake(out var first));
        inbox.Release(first);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, inbox.Accepted);
        Assert.Equal(0, inbox.Dropped);
    }

    [Fact]
    public async Task Wait_FullChannel_TheWaitingWriterGoesOnOnceTheChannelHasDrainedToHalf()
    {
        var inbox = Inbox(capacity: 4, ChannelFull.Wait);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(inbox.TryWrite([i, i], 0));
        }

        var waiting = inbox.WriteAsync([4f, 4f], 1).AsTask();
        Assert.True(inbox.TryTake(out var first));
        inbox.Release(first);

        // Three left of four: still waiting (one wake-up per burst, not per example read).
        Assert.False(waiting.IsCompleted);
        Assert.True(inbox.TryTake(out var second));
        inbox.Release(second);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, inbox.Accepted);
        Assert.Equal(3, inbox.Waiting);
    }

    [Fact]
    public async Task Wait_FullChannel_CompletedWhileAWriterWaits_TheWriterIsToldTheChannelIsClosed()
    {
        var inbox = Inbox(capacity: 1, ChannelFull.Wait);
        Assert.True(inbox.TryWrite([1, 1], 0));
        var waiting = inbox.WriteAsync([2f, 2f], 1).AsTask();

        inbox.Complete();

        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, inbox.Accepted);
    }

    [Theory]
    [InlineData(new[] { 1f }, 0f, "2 features")]
    [InlineData(new[] { 1f, float.NaN }, 0f, "not finite")]
    [InlineData(new[] { 1f, 2f }, 3f, "class index 0..2")]
    [InlineData(new[] { 1f, 2f }, 0.5f, "class index 0..2")]
    public void BadExample_IsRefusedAtTheWriter_WithTheReason(float[] features, float label, string reason)
    {
        var inbox = Inbox(capacity: 4, ChannelFull.Wait);

        var error = Assert.Throws<ArgumentException>(() => inbox.TryWrite(features, label));

        Assert.Contains(reason, error.Message);
        Assert.Equal(0, inbox.Accepted);
    }

    [Fact]
    public void Regression_TakesAnyFiniteLabel()
    {
        var inbox = Inbox(capacity: 4, ChannelFull.Wait, LearningTask.Regression);

        Assert.True(inbox.TryWrite([1, 2], 123.5f));
        Assert.Throws<ArgumentException>(() => inbox.TryWrite([1, 2], float.PositiveInfinity));
    }

    [Fact]
    public void Mapper_ReadsTheAppsOwnClass_ByItsMlNetAttributes()
    {
        var mapper = new ExampleMapper<Purchase>();
        var purchase = new Purchase { Amount = 12.5, Items = 3, Returning = true, Embedding = [0.1f, 0.2f], Note = "x", Fraud = 1 };
        var features = new float[mapper.FeatureCount];

        mapper.Features(purchase, features);

        Assert.Equal(5, mapper.FeatureCount);
        Assert.Equal([12.5f, 3f, 1f, 0.1f, 0.2f], features);
        Assert.Equal(1f, mapper.Label(purchase));
    }

    [Fact]
    public void Mapper_ClassWithoutALabel_IsRefusedWithWhatToDo()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExampleMapper<NoLabel>());

        Assert.Contains("[ColumnName(\"Label\")]", error.Message);
    }

    public sealed class Purchase
    {
        public double Amount { get; set; }

        public int Items { get; set; }

        public bool Returning { get; set; }

        [VectorType(2)]
        public float[] Embedding { get; set; } = [];

        [NoColumn]
        public string Note { get; set; } = "";

        [ColumnName("Label")]
        public uint Fraud { get; set; }
    }

    public sealed class NoLabel
    {
        public float Value { get; set; }
    }
}
