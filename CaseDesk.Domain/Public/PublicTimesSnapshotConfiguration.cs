using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Public;

internal sealed class PublicTimesSnapshotConfiguration : IEntityTypeConfiguration<PublicTimesSnapshot>
{
    public void Configure(EntityTypeBuilder<PublicTimesSnapshot> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ComputedAtUtc).HasDatabaseName("IX_PublicTimesSnapshots_ComputedAt");
    }
}
