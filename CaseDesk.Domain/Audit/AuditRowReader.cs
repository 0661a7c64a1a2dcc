using System.Text.RegularExpressions;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Audit;

/// <summary>
/// Turns stored audit rows into what an auditor reads: the person's name and role, the action's name, the record by its
/// human reference (client's name, case or complaint number...). References are looked up at read time for the rows read,
/// one query per kind of record whatever the number of rows, so a renamed client shows under the current name and an
/// erased one as no longer stored. Remembers which clients it named (<see cref="ClientsNamed"/>) for the read's own audit row.
/// </summary>
internal sealed partial class AuditRowReader(CaseDeskDb db)
{
    /// <summary>A read of a long list names its first clients; the rest are counted.</summary>
    private const int MaxClientsListed = 30;

    private readonly HashSet<Guid> clientsNamed = [];
    private Dictionary<Guid, string> clients = [];
    private Dictionary<Guid, (string Number, Guid ClientId)> cases = [];
    private Dictionary<Guid, string> complaints = [];
    private Dictionary<Guid, (Guid? ClientId, Guid? CaseId)> clientRecords = [];
    private Dictionary<Guid, Guid> complaintParts = [];
    private Dictionary<Guid, string> titles = [];
    private Dictionary<string, (string Name, string Roles)> people = [];

    public IReadOnlyCollection<Guid> ClientsNamed => clientsNamed;

    public async Task<List<AuditRow>> ReadAsync(IReadOnlyList<StoredAuditRow> stored, CancellationToken ct)
    {
        var parsed = stored.Select(s => (Row: s, Parts: Parse(s.Fields))).ToList();
        var mentioned = parsed
            .SelectMany(p => p.Parts.Select(part => (Type: part.Type, Id: part.Id)).Append((Type: p.Row.EntityType ?? "", Id: p.Row.EntityId)))
            .Where(m => m.Id is not null)
            .ToList();
        var shown = parsed.SelectMany(p => p.Parts).SelectMany(part => part.Shown ?? []).ToList();
        await LoadAsync(mentioned, shown, stored.Select(s => s.UserId).Distinct().ToList(), ct);

        return parsed.Select(p => new AuditRow(p.Row.Id, p.Row.AtUtc, p.Row.Kind, AuditNames.Kind(p.Row.Kind), p.Row.Action,
            AuditNames.Action(p.Row.Action), Person(p.Row), Record(p.Row), Details(p.Parts), p.Row.Reason, p.Row.OutsideUnit,
            string.Join(" ", new[] { p.Row.Action, p.Row.EntityType, p.Row.EntityId }.Where(t => !string.IsNullOrEmpty(t)))))
            .ToList();
    }

    private async Task LoadAsync(List<(string Type, string? Id)> mentioned, List<Guid> shown, List<string> userIds, CancellationToken ct)
    {
        List<Guid> Ids(params string[] types) => mentioned.Where(m => types.Contains(m.Type))
            .Select(m => Guid.TryParse(m.Id!.Split('/')[0], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();

        // Records that belong to a client and a case: their client's name and case number stand for them.
        var contacts = Ids("Contact");
        var promises = Ids("Promise");
        var visits = Ids("HomeVisit");
        var letters = Ids("InformationLetter");
        var erasures = Ids("ErasureRequest");
        var clocks = Ids("ResponseClock");
        if (contacts.Count > 0)
            Add(await db.Contacts.AsNoTracking().Where(c => contacts.Contains(c.Id)).Select(c => new { c.Id, c.ClientId, c.CaseId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, c.CaseId));
        if (promises.Count > 0)
            Add(await db.Promises.AsNoTracking().Where(c => promises.Contains(c.Id)).Select(c => new { c.Id, c.ClientId, c.CaseId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, c.CaseId));
        if (visits.Count > 0)
            Add(await db.HomeVisits.AsNoTracking().Where(c => visits.Contains(c.Id)).Select(c => new { c.Id, c.ClientId, c.CaseId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, (Guid?)c.CaseId));
        if (letters.Count > 0)
            Add(await db.InformationLetters.AsNoTracking().Where(c => letters.Contains(c.Id)).Select(c => new { c.Id, c.ClientId, c.CaseId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, (Guid?)c.CaseId));
        if (erasures.Count > 0)
            Add(await db.ErasureRequests.AsNoTracking().Where(c => erasures.Contains(c.Id)).Select(c => new { c.Id, c.ClientId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, (Guid?)null));
        if (clocks.Count > 0)
            Add(await db.ResponseClocks.AsNoTracking().Where(c => clocks.Contains(c.Id)).Select(c => new { c.Id, c.ClientId, c.CaseId }).ToListAsync(ct),
                c => (c.Id, c.ClientId, c.CaseId));

        // Parts of a complaint go by the complaint's number.
        var steps = Ids("ComplaintStep");
        var actions = Ids("CorrectiveAction");
        if (steps.Count > 0)
            foreach (var s in await db.ComplaintSteps.AsNoTracking().Where(s => steps.Contains(s.Id)).Select(s => new { s.Id, s.ComplaintId }).ToListAsync(ct))
                complaintParts[s.Id] = s.ComplaintId;
        if (actions.Count > 0)
            foreach (var a in await db.CorrectiveActions.AsNoTracking().Where(a => actions.Contains(a.Id)).Select(a => new { a.Id, a.ComplaintId }).ToListAsync(ct))
                complaintParts[a.Id] = a.ComplaintId;
        foreach (var tag in Ids("ComplaintTag"))
            complaintParts[tag] = tag; // a tag's key starts with its complaint's id

        var caseIds = Ids("Case").Concat(clientRecords.Values.Select(r => r.CaseId).OfType<Guid>()).Distinct().ToList();
        if (caseIds.Count > 0)
            cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => (c.Number, c.ClientId), ct);

        var complaintIds = Ids("Complaint").Concat(complaintParts.Values).Distinct().ToList();
        if (complaintIds.Count > 0)
            complaints = await db.Complaints.AsNoTracking().Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);

        var clientIds = Ids("Client").Concat(shown).Concat(clientRecords.Values.Select(r => r.ClientId).OfType<Guid>())
            .Concat(cases.Values.Select(c => c.ClientId)).Distinct().ToList();
        if (clientIds.Count > 0)
            clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => $"{c.FirstName} {c.LastName}", ct);

        var copies = Ids("TrainingCopy");
        var packs = Ids("SessionPack");
        var phoneMessages = Ids("PhoneMessage");
        var emails = Ids("EmailEnquiry");
        if (copies.Count > 0)
            AddTitles(await db.TrainingCopies.AsNoTracking().Where(c => copies.Contains(c.Id)).Select(c => new { c.Id, Title = c.Title }).ToListAsync(ct), c => (c.Id, c.Title));
        if (packs.Count > 0)
            AddTitles(await db.SessionPacks.AsNoTracking().Where(c => packs.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct), c => (c.Id, c.Title));
        if (phoneMessages.Count > 0)
            AddTitles(await db.PhoneMessages.AsNoTracking().Where(c => phoneMessages.Contains(c.Id)).Select(c => new { c.Id, c.CallerName }).ToListAsync(ct), c => (c.Id, c.CallerName));
        if (emails.Count > 0)
            AddTitles(await db.EmailEnquiries.AsNoTracking().Where(c => emails.Contains(c.Id)).Select(c => new { c.Id, c.FromName, c.FromAddress }).ToListAsync(ct),
                c => (c.Id, string.IsNullOrWhiteSpace(c.FromName) ? c.FromAddress : c.FromName));

        var staffIds = userIds.Concat(mentioned.Where(m => m.Type == "StaffUser").Select(m => m.Id!)).Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.UserName }).ToListAsync(ct);
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => staffIds.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        people = staff.ToDictionary(u => u.Id, u => (
            Name: $"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } full ? full : u.UserName ?? u.Id,
            Roles: string.Join(", ", Roles.All.Where(r => roles[u.Id].Contains(r)).Select(AuditNames.Role))));
    }

    private void Add<T>(List<T> found, Func<T, (Guid Id, Guid? ClientId, Guid? CaseId)> of)
    {
        foreach (var f in found)
        {
            var (id, client, @case) = of(f);
            clientRecords[id] = (client, @case);
        }
    }

    private void AddTitles<T>(List<T> found, Func<T, (Guid Id, string Title)> of)
    {
        foreach (var f in found)
        {
            var (id, title) = of(f);
            titles[id] = title;
        }
    }

    private AuditPerson Person(StoredAuditRow row)
    {
        if (row.UserId == Caller.System.UserId)
            return new AuditPerson(row.UserId, row.UserName, AuditNames.SystemName, "", IsSystem: true);
        if (row.UserId.Length == 0)
            return new AuditPerson("", row.UserName, DomainText.T("Not signed in"), "", IsSystem: false);
        return people.TryGetValue(row.UserId, out var p)
            ? new AuditPerson(row.UserId, row.UserName, p.Name, p.Roles, IsSystem: false)
            : new AuditPerson(row.UserId, row.UserName, DomainText.T("{0} (account no longer exists)", row.UserName), "", IsSystem: false);
    }

    /// <summary>The row's record; none for a read of a list (a list read names the list, or only the clients it showed).</summary>
    private AuditRecordRef? Record(StoredAuditRow row)
    {
        if (row.EntityType is not { Length: > 0 } type || type == row.Action || (row.EntityId is null && type == "Client"))
            return null;
        return Ref(type, row.EntityId);
    }

    private AuditRecordRef Ref(string type, string? storedId)
    {
        var id = storedId is not null && Guid.TryParse(storedId.Split('/')[0], out var g) ? g : (Guid?)null;
        return new AuditRecordRef(type, AuditNames.RecordType(type), id, Reference(type, storedId, id));
    }

    private string? Reference(string type, string? storedId, Guid? id)
    {
        if (type == "StaffUser")
            return storedId is not null && people.TryGetValue(storedId, out var person) ? person.Name : null;
        if (id is not { } key)
            return null;
        switch (type)
        {
            case "Client":
                return ClientName(key);
            case "Case":
                return cases.TryGetValue(key, out var c) ? Join(c.Number, ClientName(c.ClientId)) : Gone();
            case "Complaint":
                return complaints.TryGetValue(key, out var number) ? number : Gone();
            case "ComplaintStep" or "CorrectiveAction" or "ComplaintTag":
                return complaintParts.TryGetValue(key, out var complaint) && complaints.TryGetValue(complaint, out var n)
                    ? DomainText.T("complaint {0}", n) : null;
            default:
                if (clientRecords.TryGetValue(key, out var r))
                    return Join(r.CaseId is { } caseId && cases.TryGetValue(caseId, out var rc) ? rc.Number : null,
                        r.ClientId is { } clientId ? ClientName(clientId) : null);
                return titles.GetValueOrDefault(key);
        }
    }

    private string ClientName(Guid id)
    {
        if (!clients.TryGetValue(id, out var name))
            return Gone();
        clientsNamed.Add(id);
        return name;
    }

    private static string Gone() => DomainText.T("no longer stored");

    private static string? Join(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } some ? string.Join(", ", some) : null;

    private IReadOnlyList<string> Details(List<FieldPart> parts)
    {
        var lines = new List<string>();
        foreach (var part in parts)
        {
            if (part.Shown is { } shown)
            {
                var names = shown.Take(MaxClientsListed).Select(ClientName).ToList();
                if (part.Count > names.Count)
                    names.Add(DomainText.T("and {0} more", part.Count - names.Count));
                lines.Add(DomainText.T("Clients shown ({0}): {1}", part.Count, string.Join(", ", names)));
                continue;
            }
            if (part.Type.Length == 0)
            {
                lines.Add(part.What);
                continue;
            }
            var what = Fields(part.What) switch
            {
                "created" => DomainText.T("created"),
                "deleted" => DomainText.T("deleted"),
                "" => DomainText.T("changed"),
                var fields => DomainText.T("changed: {0}", fields),
            };
            lines.Add($"{Ref(part.Type, part.Id).Display} – {what}");
        }
        // Several parts of one kind changed alike (two status changes of a case) read as one line with a count.
        return lines.GroupBy(l => l).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} (×{g.Count()})").ToList();
    }

    /// <summary>The fields changed without the concurrency token, which every change of a versioned record touches.</summary>
    private static string Fields(string what) =>
        what is "created" or "deleted" ? what : string.Join(", ", what.Split(", ").Where(f => f != nameof(IVersioned.Version)));

    /// <summary>One record the stored details name: "Type id: what", or "shown N: id,id" for a read of several clients.</summary>
    private sealed record FieldPart(string Type, string? Id, string What, IReadOnlyList<Guid>? Shown = null, int Count = 0);

    private static List<FieldPart> Parse(string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
            return [];
        var parts = new List<FieldPart>();
        foreach (var segment in fields.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (ShownPattern().Match(segment) is { Success: true } shown)
            {
                var ids = shown.Groups["ids"].Value.Split(',').Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
                parts.Add(new FieldPart("", null, "", ids, int.Parse(shown.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (ChangePattern().Match(segment) is { Success: true } change)
                parts.Add(new FieldPart(change.Groups["type"].Value, change.Groups["id"].Value, change.Groups["what"].Value.Trim()));
            else if (!segment.EndsWith('…'))
                parts.Add(new FieldPart("", null, segment)); // a truncated tail is dropped: its id is cut
        }
        return parts;
    }

    [GeneratedRegex(@"^shown (?<count>\d+): (?<ids>.*)$")]
    private static partial Regex ShownPattern();

    [GeneratedRegex(@"^(?<type>[A-Za-z`0-9]+) (?<id>[^ :]+): ?(?<what>.*)$")]
    private static partial Regex ChangePattern();
}
