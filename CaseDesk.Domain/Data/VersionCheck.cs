using CaseDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Data;

public static class VersionCheck
{
    /// <summary>
    /// The editor saw <paramref name="expected"/>. If the stored record is newer, refuse now with the
    /// stored values; otherwise make the save carry the check (also when only child rows change), so a
    /// save racing in between fails in the database instead of overwriting.
    /// </summary>
    public static void ExpectVersion<T>(this CaseDeskDb db, T entity, Guid expected) where T : class, IVersioned
    {
        var entry = db.Entry(entity);
        if (entity.Version != expected)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            throw new ConcurrencyConflictException(typeof(T).Name, entry.CurrentValues.Properties
                .Where(p => p.Name != nameof(IVersioned.Version))
                .ToDictionary(p => p.Name, p => entry.CurrentValues[p]?.ToString()),
                string.Join("/", key.Select(p => entry.CurrentValues[p]?.ToString())));
        }
        entry.Property(e => e.Version).OriginalValue = expected;
        entity.Version = Guid.NewGuid();
    }
}
