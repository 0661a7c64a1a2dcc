using Microsoft.AspNetCore.Identity;

namespace CaseDesk.Domain.Users;

/// <summary>An employee who signs in. Identity carries the login; the rest is the e-mail signature of section 11.</summary>
public sealed class StaffUser : IdentityUser
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Position { get; set; } = "";
    public Guid? UnitId { get; set; }
    /// <summary>"lt" (default) or "en"; applied at sign-in.</summary>
    public string PreferredCulture { get; set; } = "lt";

    public string FullName => $"{FirstName} {LastName}".Trim();
}
