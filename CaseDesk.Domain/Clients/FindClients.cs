using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Clients;

/// <summary>
/// The client list: search by name prefix (last or first name first, diacritics optional), phone,
/// or a full personal code. The personal code is never part of a row.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record FindClients(ListWindow Window) : IQuery<Page<ClientRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ClientRow(Guid ClientId, string FullName, string? Phone, DateOnly? BirthDate, ClientLanguage Language,
    bool MeetWithTwoEmployees, int OpenCases) : IHasClientId;

internal sealed class FindClientsValidator : AbstractValidator<FindClients>
{
    public FindClientsValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class FindClientsHandler(CaseDeskDb db, IPersonalCodeProtector protector) : IRequestHandler<FindClients, Page<ClientRow>>
{
    public async Task<Page<ClientRow>> Handle(FindClients request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.Clients.AsNoTracking();
        IQueryable<Hit>? union = null;
        var search = w.Search?.Trim() ?? "";
        if (PersonalCode.IsValid(search))
        {
            var hash = await protector.LookupHashAsync(search, ct);
            query = query.Where(c => c.PersonalCodeHash == hash);
        }
        else if (search.Length > 0 && search.All(ch => char.IsAsciiDigit(ch) || " +-()".Contains(ch)))
        {
            var phone = Client.PhoneSearchKey(search) ?? "";
            query = query.Where(c => c.PhoneKey != null && string.Compare(c.PhoneKey, phone) >= 0 && string.Compare(c.PhoneKey, phone + "\uffff") < 0);
        }
        else if (search.Length > 0)
        {
            // Range on the normalised keys walks IX_Clients_NameKey / IX_Clients_FirstNameKey instead of scanning; the matches are
            // then sorted by NameOrder (the search key folds č to c, so its own order is not the alphabet's).
            var key = Client.SearchKey(search);
            var upper = key + "\uffff";
            var byLastName = query.Where(c => string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, upper) < 0);
            var byFirstName = query.Where(c => string.Compare(c.FirstNameKey, key) >= 0 && string.Compare(c.FirstNameKey, upper) < 0);
            query = query.Where(c => (string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, upper) < 0)
                || (string.Compare(c.FirstNameKey, key) >= 0 && string.Compare(c.FirstNameKey, upper) < 0));
            // The page comes from a union of each range's first rows, instead of sorting every match of the OR (thousands for "Kaz").
            var enough = w.Skip + w.Take;
            union = Ordered(Hits(byLastName), w.Descending).Take(enough).Union(Ordered(Hits(byFirstName), w.Descending).Take(enough));
        }

        var total = await query.CountAsync(ct);
        var page = await Ordered(union ?? Hits(query), w.Descending).Skip(w.Skip).Take(w.Take).ToListAsync(ct);

        // Open cases are counted for the page only: as a column of the paged query SQLite counted them for every match before sorting.
        var ids = page.Select(c => c.Id).ToList();
        var openCases = await db.Cases.Where(k => ids.Contains(k.ClientId) && k.Status != Cases.CaseStatus.Closed)
            .GroupBy(k => k.ClientId).Select(g => new { ClientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClientId, g => g.Count, ct);
        var rows = page.Select(c => new ClientRow(c.Id, $"{c.FirstName} {c.LastName}", c.Phone, c.BirthDate, c.Language,
            c.MeetWithTwoEmployees, openCases.GetValueOrDefault(c.Id))).ToList();
        return new Page<ClientRow>(rows, total);
    }

    private static IQueryable<Hit> Hits(IQueryable<Client> clients) => clients.Select(c => new Hit
    {
        Id = c.Id, NameOrder = c.NameOrder, FirstName = c.FirstName, LastName = c.LastName, Phone = c.Phone, BirthDate = c.BirthDate,
        Language = c.Language, MeetWithTwoEmployees = c.MeetWithTwoEmployees,
    });

    /// <summary>Last name, then first name, in Lithuanian order on both engines: the stored key's bytes (<see cref="Client.NameOrder"/>).</summary>
    private static IQueryable<Hit> Ordered(IQueryable<Hit> hits, bool descending) =>
        descending ? hits.OrderByDescending(c => c.NameOrder).ThenByDescending(c => c.Id) : hits.OrderBy(c => c.NameOrder).ThenBy(c => c.Id);

    /// <summary>The columns a row needs (a narrow union), in a shape EF can sort after projecting.</summary>
    private sealed class Hit
    {
        public Guid Id { get; init; }
        public string NameOrder { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string? Phone { get; init; }
        public DateOnly? BirthDate { get; init; }
        public ClientLanguage Language { get; init; }
        public bool MeetWithTwoEmployees { get; init; }
    }
}
