using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>
/// Section 11: an e-mail to a client legibly carries the writer's unit, position, name and surname and
/// a phone number to reach them. Built from the employee's profile, so the preview and the sent reply match.
/// </summary>
public static class EmailSignature
{
    public static string Build(string firstName, string lastName, string? position, string? unitName, string? phone) =>
        string.Join("\n", new[] { $"{firstName} {lastName}".Trim(), position?.Trim(), unitName?.Trim(), string.IsNullOrWhiteSpace(phone) ? null : $"Tel. {phone.Trim()}" }
            .Where(line => !string.IsNullOrWhiteSpace(line)));

    /// <summary>What the profile lacks for a complete signature, in words for the user; empty when complete.</summary>
    public static IReadOnlyList<string> Missing(string firstName, string lastName, string? position, string? unitName, string? phone)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(unitName)) missing.Add(T("division"));
        if (string.IsNullOrWhiteSpace(position)) missing.Add(T("position"));
        if (string.IsNullOrWhiteSpace(firstName)) missing.Add(T("first name"));
        if (string.IsNullOrWhiteSpace(lastName)) missing.Add(T("last name"));
        if (string.IsNullOrWhiteSpace(phone)) missing.Add(T("phone"));
        return missing;
    }
}
