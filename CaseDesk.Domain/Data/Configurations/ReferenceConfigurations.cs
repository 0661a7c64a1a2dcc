using CaseDesk.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> b)
    {
        b.HasKey(t => t.Number);
        b.Property(t => t.Number).ValueGeneratedNever();
        b.Property(t => t.NameLt).HasMaxLength(200);
        b.Property(t => t.NameEn).HasMaxLength(200);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.HasKey(c => c.Number);
        b.Property(c => c.Number).ValueGeneratedNever();
        b.Property(c => c.Numeral).HasMaxLength(5);
        b.HasIndex(c => c.Numeral).IsUnique();
    }
}

internal sealed class ClientGroupConfiguration : IEntityTypeConfiguration<ClientGroup>
{
    public void Configure(EntityTypeBuilder<ClientGroup> b)
    {
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasMaxLength(40);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.HasKey(u => u.Id);
        b.Property(u => u.Code).HasMaxLength(40);
        b.HasIndex(u => u.Code).IsUnique();
    }
}
