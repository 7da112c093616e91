from archdesk.cli import main

raise SystemExit(main())
