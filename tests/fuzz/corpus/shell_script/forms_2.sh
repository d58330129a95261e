cat <<-EOF >out 2>&1
	$HOME
	EOF
cat <<<"here $X" 3>&1 1>&2 2>&3 &>>log
