package dev.cryptopolicy.agent;

import com.sun.tools.attach.VirtualMachine;
import java.security.Security;
import java.security.Signature;

/**
 * A running application that attaches the agent to itself (needs
 * {@code -Djdk.attach.allowAttachSelf=true}): first with the options in {@code args[1]}, then
 * with {@code args[2]}. Arguments: the agent jar and the two option strings.
 */
public final class AttachApp {

    private AttachApp() {}

    public static void main(String[] args) throws Exception {
        VirtualMachine vm =
                VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            for (int i = 1; i < args.length; i++) {
                try {
                    vm.loadAgent(args[0], args[i]);
                    System.out.println("attach " + args[i] + "=OK");
                } catch (Exception e) {
                    System.out.println(
                            "attach " + args[i] + "=FAILED " + e.getClass().getSimpleName());
                }
                System.out.println("still running, front=" + Security.getProviders()[0].getName());
            }
        } finally {
            vm.detach();
        }
        try {
            Signature.getInstance("SHA1withRSA");
            System.out.println("sha1withrsa=OK");
        } catch (Exception e) {
            System.out.println("sha1withrsa=REFUSED " + e.getClass().getSimpleName());
        }
    }
}
