using CaseDesk.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(Lease.NameLength);
        b.Property(l => l.Holder).HasMaxLength(Lease.HolderLength);
    }
}

internal sealed class DashboardNodeMarkConfiguration : IEntityTypeConfiguration<DashboardNodeMark>
{
    public void Configure(EntityTypeBuilder<DashboardNodeMark> b)
    {
        b.HasKey(m => m.Node);
        b.Property(m => m.Node).HasMaxLength(DashboardNodeMark.NodeLength);
    }
}
