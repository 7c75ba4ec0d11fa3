using Microsoft.AspNetCore.Identity;

namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>A helpdesk account (agent, technician or admin). The person at home needs none.</summary>
public sealed class HelpdeskUser : IdentityUser
{
    public HelpdeskUser()
    {
    }

    public HelpdeskUser(string userName)
        : base(userName)
    {
    }
}
